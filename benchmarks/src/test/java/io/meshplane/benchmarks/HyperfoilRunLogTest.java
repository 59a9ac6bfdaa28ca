package io.meshplane.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HyperfoilRunLogTest {
  /** A real log of the Hyperfoil Maven plugin 0.25.2: 5 s warm-up + 10 s at 5,000 req/s, on a busy machine. */
  private static List<String> realLog() throws IOException {
    try (InputStream in = HyperfoilRunLogTest.class.getResourceAsStream("/hyperfoil/plugin-output.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void readsTheMeasuredPhaseNotTheWarmUp() throws IOException {
    HyperfoilRunLog.Stats measured = HyperfoilRunLog.parse(realLog(), "measured/entity");
    HyperfoilRunLog.Stats warmup = HyperfoilRunLog.parse(realLog(), "warmup/entity");

    assertThat(measured.requests()).isEqualTo(32727);
    assertThat(warmup.requests()).isEqualTo(10037);
    assertThat(measured.errors()).isZero();
    assertThat(measured.maxSessions()).isEqualTo(250);
  }

  @Test
  void aPercentileIsTheFirstRowWhoseCountReachesItsRank() throws IOException {
    HyperfoilRunLog.Stats measured = HyperfoilRunLog.parse(realLog(), "measured/entity");

    // rank 16,364 of 32,727: the 0.5 row (16,384) is the first to reach it
    assertThat(measured.percentileMillis(50)).isCloseTo(44.30234, within(1e-6));
    // rank 32,400: the 0.989 row counts 32,382, the 0.9906 row 32,434
    assertThat(measured.percentileMillis(99)).isCloseTo(432.01331, within(1e-6));
    // rank 32,694: only the last rows (32,727) reach it
    assertThat(measured.percentileMillis(99.9)).isCloseTo(905.96966, within(1e-6));
    assertThat(measured.line(10)).isEqualTo("3272.7 44.302 432.013 905.970 0");
  }

  @Test
  void countsSocketErrorsTimeoutsAndBadStatuses() {
    List<String> log = List.of(
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] measured/entity: ",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] 4 requests in 2.0 s, ",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] Requests/sec: 2.00",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] ",
        "Percentile Distribution",
        "",
        "       Value     Percentile TotalCount 1/(1-Percentile)",
        "",
        "     1000.00 0.000000000000          1           1.00",
        "     2000.00 0.500000000000          2           2.00",
        "     3000.00 0.750000000000          4           4.00",
        "     3000.00 1.000000000000          4",
        "#[Max     =      3000.00, Total count    =            4]",
        "",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] Socket errors: errors 2, timeouts 3",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] Non-2xx or 3xx responses: 7",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] Finished running simulation");

    HyperfoilRunLog.Stats stats = HyperfoilRunLog.parse(log, "measured/entity");

    assertThat(stats.errors()).isEqualTo(12);
    assertThat(stats.maxSessions()).isEqualTo(-1);
    assertThat(stats.line(2)).isEqualTo("2.0 2.000 3.000 3.000 12");
  }

  @Test
  void aMissingSectionOrTableIsAnError() throws IOException {
    assertThatThrownBy(() -> HyperfoilRunLog.parse(realLog(), "steady/entity"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no statistics for steady/entity");
    List<String> withoutTable = List.of(
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] measured/entity: ",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] 4 requests in 2.0 s, ",
        "12:00:00,000 INFO  (main) [i.h.m.RunMojo] Finished running simulation");
    assertThatThrownBy(() -> HyperfoilRunLog.parse(withoutTable, "measured/entity"))
        .hasMessageContaining("no percentile table");
  }
}
