package io.meshplane.routing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
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

  /** Exposes the counts as {@code meshplane_router_records_total{outcome=…}}. */
  void register(MeterRegistry registry) {
    outcome(registry, "routed", routed);
    outcome(registry, "unmatched", unmatched);
    outcome(registry, "retried", retried);
    outcome(registry, "dead_lettered", deadLettered);
  }

  private static void outcome(MeterRegistry registry, String outcome, LongAdder count) {
    FunctionCounter.builder("meshplane.router.records", count, LongAdder::sum)
        .description("records the router read, by what became of them")
        .tag("outcome", outcome)
        .register(registry);
  }
}
