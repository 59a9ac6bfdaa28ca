package io.meshplane.benchmarks;

import io.meshplane.cache.SingleFlight;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The read path's single-flight table: a miss that leads its own load (nobody else asking), and callers joining a
 * load already in flight — 15 joiners per load, then the load completes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SingleFlightBenchmark {
  private static final int JOINERS = 15;
  private static final Future<String> LOADED = Future.succeededFuture("entity");

  private final SingleFlight<String, String> flight = new SingleFlight<>();
  private Vertx vertx;
  private Context context;
  private long key;

  @Setup
  public void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @TearDown
  public void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Benchmark
  public Future<String> lead() {
    return flight.run(Long.toString(key++), context, () -> LOADED);
  }

  @Benchmark
  @OperationsPerInvocation(JOINERS + 1)
  public void join(Blackhole blackhole) {
    String id = Long.toString(key++);
    Promise<String> load = Promise.promise();
    blackhole.consume(flight.run(id, context, load::future));
    for (int i = 0; i < JOINERS; i++) {
      blackhole.consume(flight.run(id, context, () -> LOADED));
    }
    load.complete("entity");
  }
}
