package io.meshplane.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition by asking it again and again, failing once a bound has passed. */
public final class Poll {
  private Poll() {}

  /** Asks without pausing, so the time it returns is as close as it gets. Returns how long it took, in µs. */
  public static long until(BooleanSupplier condition, Duration bound, String what) {
    return until(condition, bound, Duration.ZERO, what);
  }

  /**
   * Asks at most once per {@code interval}, for conditions that are slow to come true (a JVM starting) and would
   * otherwise take the CPU they wait for. Returns how long it took, in µs.
   */
  public static long until(BooleanSupplier condition, Duration bound, Duration interval, String what) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > bound.toNanos()) {
        throw new AssertionError(what + " did not happen within " + bound);
      }
      pause(interval);
    }
    return (System.nanoTime() - start) / 1000;
  }

  private static void pause(Duration interval) {
    if (interval.isZero()) {
      Thread.onSpinWait();
      return;
    }
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
