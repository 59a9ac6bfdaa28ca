package io.meshplane.benchmarks;

import io.meshplane.routing.CompiledRoute;
import io.meshplane.routing.EventView;
import io.meshplane.routing.RouteTable;
import io.meshplane.routing.SyntheticRoutes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The routes a typical order event matches, in tables of 10, 100 and 1,000 rules: all but a fixed few keyed by a
 * distinct event type, so the type index should keep the cost flat (target: 1,000 rules ≤ 2 × 10 rules).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RuleMatchingBenchmark {
  @Param({"10", "100", "1000"})
  public int rules;

  private RouteTable table;
  private EventView event;

  @Setup
  public void setUp() {
    table = SyntheticRoutes.table(rules);
    event = SyntheticRoutes.event(1);
  }

  @Benchmark
  public List<CompiledRoute> matching() {
    return table.matching(SyntheticRoutes.TOPIC, event);
  }
}
