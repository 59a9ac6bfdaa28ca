package io.meshplane.benchmarks;

import java.util.Arrays;

/**
 * What {@code RoutingLoad drain} prints: throughput from the output records' timestamps and latency percentiles from
 * arrival − {@code ce_time}. Pure arithmetic, kept apart so it is unit-tested.
 */
final class DrainStats {
  private final long[] latenciesMicros;
  private final long[] sentMicros;
  private int count;
  private long firstTimestampMs = Long.MAX_VALUE;
  private long lastTimestampMs = Long.MIN_VALUE;

  DrainStats(int expected) {
    latenciesMicros = new long[expected];
    sentMicros = new long[expected];
  }

  /** One output record: its Kafka timestamp (ms), its ce_time (µs since the epoch) and its latency (µs). */
  void add(long recordTimestampMs, long sentMicros, long latencyMicros) {
    this.sentMicros[count] = sentMicros;
    latenciesMicros[count++] = latencyMicros;
    firstTimestampMs = Math.min(firstTimestampMs, recordTimestampMs);
    lastTimestampMs = Math.max(lastTimestampMs, recordTimestampMs);
  }

  int count() {
    return count;
  }

  boolean full() {
    return count == latenciesMicros.length;
  }

  /**
   * Records per second between the earliest and the latest record timestamp (the pipe's or the router's send time):
   * {@code (count - 1) / span}, since {@code count} timestamps bound {@code count - 1} intervals; 0 when undefined.
   */
  double eventsPerSecond() {
    long spanMs = lastTimestampMs - firstTimestampMs;
    if (count < 2 || spanMs <= 0) {
      return 0;
    }
    return (count - 1) * 1000.0 / spanMs;
  }

  /**
   * The latencies of the records sent (ce_time) at least {@code warmupMicros} after the earliest one: the first
   * seconds of a paced run, while the load generator's JVMs are still cold, are left out.
   */
  long[] measuredLatencies(long warmupMicros) {
    long earliest = Long.MAX_VALUE;
    for (int i = 0; i < count; i++) {
      earliest = Math.min(earliest, sentMicros[i]);
    }
    long[] kept = new long[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (sentMicros[i] - earliest >= warmupMicros) {
        kept[n++] = latenciesMicros[i];
      }
    }
    if (n == 0) {
      throw new IllegalStateException("no record was sent after the warm-up");
    }
    return Arrays.copyOf(kept, n);
  }

  /** The nearest-rank percentile ({@code 0 < p <= 100}) of the latencies, in milliseconds. */
  double percentileMs(double p) {
    return percentile(measuredLatencies(0), p) / 1000.0;
  }

  /** Nearest rank: the smallest value with at least {@code p} % of the values at or below it. Sorts {@code values}. */
  static long percentile(long[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("a percentile is in (0, 100], not " + p);
    }
    Arrays.sort(values);
    int rank = (int) Math.ceil(p / 100.0 * values.length);
    return values[Math.max(rank, 1) - 1];
  }

  /** The one line the harness reads: {@code <events-per-second> <p50-ms> <p99-ms>}, latencies after the warm-up. */
  String line(long warmupMicros) {
    long[] sorted = measuredLatencies(warmupMicros);
    return String.format(java.util.Locale.ROOT, "%.0f %.2f %.2f", eventsPerSecond(),
        percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0);
  }
}
