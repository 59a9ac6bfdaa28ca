package io.meshplane.routing;

import java.util.concurrent.atomic.LongAdder;

/** What became of every record the router read: each is counted exactly once per outcome it reached. */
public final class RouterStats {
  final LongAdder routed = new LongAdder();
  final LongAdder unmatched = new LongAdder();
  final LongAdder retried = new LongAdder();
  final LongAdder deadLettered = new LongAdder();

  /** Deliveries of a record by a route to all of that route's topics. */
  public long routed() {
    return routed.sum();
  }

  public long unmatched() {
    return unmatched.sum();
  }

  public long retried() {
    return retried.sum();
  }

  public long deadLettered() {
    return deadLettered.sum();
  }
}
