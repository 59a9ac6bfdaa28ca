package io.meshplane.benchmarks;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cache.CacheMetrics;
import io.meshplane.cache.L1EntityCache;
import io.meshplane.cache.Lookup;
import io.meshplane.cache.SingleFlight;
import io.meshplane.cache.TieredEntityCache;
import io.meshplane.catalog.ETags;
import io.meshplane.cluster.HazelcastMember;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.config.ConfigLoader;
import io.meshplane.config.MeshplaneConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a {@code GET /v1/entities/{id}} answered from this node's near cache costs between routing and the socket:
 * the near-cache lookup as the read handler makes it (a real embedded Hazelcast member with the node's own
 * configuration), the ETag and the response body. Target: allocation per hit ≤ 64 B ({@code -prof gc}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class L1HitPathBenchmark {
  private static final int ENTITIES = 1024;

  private Vertx vertx;
  private HazelcastInstance hazelcast;
  private TieredEntityCache cache;
  private final String[] ids = new String[ENTITIES];
  private int next;

  @Setup
  public void start() throws Exception {
    MeshplaneConfig config = ConfigLoader.load(null, Map.of(), Map.of(), Map.of(
        "hazelcast.cluster-name", "bench-" + UUID.randomUUID(), "hazelcast.port", "15901",
        "auth.jwt.secret", "benchmark-secret-never-used-to-sign-anything"));
    vertx = Vertx.vertx();
    hazelcast = await(HazelcastMember.start(vertx, config.hazelcast(), config.cache()));
    Context context = vertx.getOrCreateContext();
    L1EntityCache l1 = new L1EntityCache(hazelcast.getMap(HazelcastMember.ENTITY_MAP), context);
    SingleFlight<String, Lookup> flight = new SingleFlight<>();
    // every id asked for is in L1, so the lower tiers are never reached
    cache = new TieredEntityCache(l1, null, null, flight, context, config.cache(),
        new CacheMetrics(new SimpleMeterRegistry(), flight));
    for (int i = 0; i < ENTITIES; i++) {
      ids[i] = "urn:mesh:dataset:bench." + i;
      await(l1.offer(ids[i], CachedEntity.present(3, entityJson(ids[i])), 0));
      while (l1.nearCached(ids[i]) == null) {
        await(l1.get(ids[i]));
      }
    }
  }

  @TearDown
  public void stop() throws Exception {
    hazelcast.shutdown();
    await(vertx.close());
  }

  @Benchmark
  public void hit(Blackhole blackhole) {
    CachedEntity entry = cache.nearHit(ids[next++ & (ENTITIES - 1)]);
    blackhole.consume(ETags.of(entry.version()));
    blackhole.consume(entry.body());
  }

  private static byte[] entityJson(String id) {
    return ("{\"id\":\"" + id + "\",\"type\":\"dataset\",\"domain\":\"sales\",\"sourceSystem\":\"warehouse\","
        + "\"owner\":\"team-sales\",\"tags\":[\"pii\",\"gold\"],\"attributes\":{\"rows\":120000,\"format\":\"parquet\","
        + "\"description\":\"" + "x".repeat(600) + "\"},\"version\":3,\"createdAt\":\"2026-11-01T10:00:00Z\","
        + "\"updatedAt\":\"2026-11-20T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
