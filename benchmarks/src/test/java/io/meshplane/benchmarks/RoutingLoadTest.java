package io.meshplane.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingLoadTest {
  private static final Map<String, List<String>> COMMANDS = Map.of(
      "drain", List.of("bootstrap", "topics", "count"),
      "pipe", List.of("from"));

  @Test
  void nearestRankPercentiles() {
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = 100 - i; // unsorted on purpose: 100 … 1
    }
    assertThat(DrainStats.percentile(hundred.clone(), 50)).isEqualTo(50);
    assertThat(DrainStats.percentile(hundred.clone(), 99)).isEqualTo(99);
    assertThat(DrainStats.percentile(hundred.clone(), 100)).isEqualTo(100);
    assertThat(DrainStats.percentile(new long[] {7}, 99)).isEqualTo(7);
    // 3 values: the 50th percentile is the 2nd (ceil(1.5)), the 99th the 3rd
    assertThat(DrainStats.percentile(new long[] {30, 10, 20}, 50)).isEqualTo(20);
    assertThat(DrainStats.percentile(new long[] {30, 10, 20}, 99)).isEqualTo(30);
    assertThatThrownBy(() -> DrainStats.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DrainStats.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void throughputIsCountedBetweenTheFirstAndTheLastTimestamp() {
    DrainStats stats = new DrainStats(1001);
    for (int i = 0; i <= 1000; i++) {
      // 1,001 records over 2 s, arriving out of timestamp order (several partitions); latency i µs
      stats.add(10_000 + (i * 3L % 1001) * 2, 1_000_000 + i, i);
    }
    assertThat(stats.full()).isTrue();
    assertThat(stats.eventsPerSecond()).isEqualTo(500.0);
    assertThat(stats.percentileMs(50)).isEqualTo(0.5);
    assertThat(stats.line(0)).isEqualTo("500 0.50 0.99");
  }

  @Test
  void latenciesOfTheWarmUpAreLeftOut() {
    DrainStats stats = new DrainStats(4);
    stats.add(1, 5_000_000, 900_000); // sent first: the warm-up starts here
    stats.add(2, 6_999_999, 800_000); // within 2 s of it
    stats.add(3, 7_000_000, 2_000);
    stats.add(4, 9_000_000, 1_000);
    assertThat(stats.measuredLatencies(2_000_000)).containsExactly(2_000, 1_000);
    assertThat(stats.line(2_000_000)).isEqualTo("1000 1.00 2.00");
    assertThat(stats.percentileMs(100)).isEqualTo(900.0);
    assertThatThrownBy(() -> stats.line(10_000_000)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void throughputIsZeroWithoutASpan() {
    DrainStats stats = new DrainStats(2);
    stats.add(5, 0, 1);
    assertThat(stats.eventsPerSecond()).isZero();
    stats.add(5, 0, 1);
    assertThat(stats.eventsPerSecond()).isZero();
  }

  @Test
  void parsesOptions() {
    RoutingArgs args = RoutingArgs.parse(
        new String[] {"drain", "--bootstrap", "b:1", "--topics", "x,y", "--count", "10"}, COMMANDS);
    assertThat(args.command()).isEqualTo("drain");
    assertThat(args.string("bootstrap")).isEqualTo("b:1");
    assertThat(args.list("topics")).containsExactly("x", "y");
    assertThat(args.number("count")).isEqualTo(10);
    assertThat(args.number("absent", 3)).isEqualTo(3);
    assertThat(args.string("absent", null)).isNull();
  }

  @Test
  void refusesBadOptions() {
    assertThatThrownBy(() -> RoutingArgs.parse(new String[0], COMMANDS)).hasMessageContaining("subcommand");
    assertThatThrownBy(() -> RoutingArgs.parse(new String[] {"run"}, COMMANDS)).hasMessageContaining("'run'");
    assertThatThrownBy(() -> RoutingArgs.parse(new String[] {"pipe", "--to", "x"}, COMMANDS))
        .hasMessageContaining("no option '--to'");
    assertThatThrownBy(() -> RoutingArgs.parse(new String[] {"pipe", "--from"}, COMMANDS))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> RoutingArgs.parse(new String[] {"pipe", "--from", "a", "--from", "b"}, COMMANDS))
        .hasMessageContaining("twice");
    RoutingArgs drain = RoutingArgs.parse(new String[] {"drain", "--count", "-1", "--topics", "a,,b"}, COMMANDS);
    assertThatThrownBy(() -> drain.number("count")).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> drain.list("topics")).hasMessageContaining("empty items");
    assertThatThrownBy(() -> drain.string("bootstrap")).hasMessageContaining("needs --bootstrap");
  }

  @Test
  void dataIsJsonOfTheAskedSizeWithTheFieldsTheRulesRead() {
    byte[] data = RoutingLoad.data(12_345, "urn:bench:346", 512);
    assertThat(data).hasSize(512);
    JsonObject json = new JsonObject(new String(data, UTF_8));
    assertThat(json.getString("datasetId")).isEqualTo("urn:bench:346");
    assertThat(json.getInteger("amount")).isEqualTo(2345);
    assertThat(json.getString("region")).isEqualTo("eu-5");
    assertThat(json.getBoolean("flag")).isTrue();
    // smaller than the fields: not truncated, still JSON
    assertThat(new JsonObject(new String(RoutingLoad.data(1, "urn:bench:2", 10), UTF_8)).getInteger("amount"))
        .isEqualTo(1);
  }

  @Test
  void matchesTheRunPrefix() {
    byte[] prefix = "r1-".getBytes(UTF_8);
    assertThat(RoutingLoad.startsWith("r1-17".getBytes(UTF_8), prefix)).isTrue();
    assertThat(RoutingLoad.startsWith("r10-17".getBytes(UTF_8), prefix)).isFalse();
    assertThat(RoutingLoad.startsWith("r1".getBytes(UTF_8), prefix)).isFalse();
    assertThat(RoutingLoad.startsWith(null, prefix)).isFalse();
  }
}
