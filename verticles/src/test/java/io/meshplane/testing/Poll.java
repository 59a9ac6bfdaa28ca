package io.meshplane.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by asking it again and again, failing once a bound has passed. */
public final class Poll {
  private Poll() {}

  /** Returns how long it took, in microseconds. */
  public static long until(BooleanSupplier condition, Duration bound, String what) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > bound.toNanos()) {
        throw new AssertionError(what + " did not happen within " + bound);
      }
      Thread.onSpinWait();
    }
    return (System.nanoTime() - start) / 1000;
  }
}
