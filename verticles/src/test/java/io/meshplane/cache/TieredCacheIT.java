package io.meshplane.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.config.CacheConfig;
import io.meshplane.storage.PgClients;
import io.meshplane.testing.Await;
import io.meshplane.testing.Http;
import io.meshplane.testing.RedisProcess;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.SqlClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tiers of the read path against real Hazelcast, Redis and PostgreSQL: which tier answers, version-guarded
 * fills racing writes, single-flight, and a Redis that goes away and comes back. This class runs a Redis server of
 * its own so it can stop it without disturbing anything else.
 */
class TieredCacheIT {
  private static final String DATASET = "{\"type\":\"dataset\",\"attributes\":{\"n\":1}}";

  private static RedisProcess redisServer;
  private static NodeFixture fixture;
  private static TestNode node;
  private static Http http;
  private static Vertx vertx;
  private static Redis redis;

  @BeforeAll
  static void start() {
    redisServer = RedisProcess.start();
    fixture = NodeFixture.start(settings -> settings.put("redis.url", redisServer.url()));
    node = fixture.node();
    http = fixture.http();
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisServer.url()));
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      redis.close();
      Await.result(vertx.close());
    }
    if (fixture != null) {
      fixture.close();
    }
    redisServer.close();
  }

  @Test
  void answeringTierMovesFromPostgresToRedisToHazelcast() {
    String id = "urn:tier:walk";
    http.put("/v1/entities/" + id, DATASET);
    node.l1().clear();
    evictL2(id);

    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L3");
    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L1");

    node.l1().clear();
    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L2");
    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L1");
  }

  @Test
  void aNearCacheHitHandsOutTheHeldEntryWithoutDecodingIt() {
    String id = "urn:tier:near";
    http.put("/v1/entities/" + id, DATASET);
    Context context = vertx.getOrCreateContext();
    L1EntityCache l1 = l1(context);

    // the near cache fills on a read that no invalidation of the PUT overtakes; from then on a hit is the held entry
    Poll.until(() -> Await.result(l1.get(id)) == l1.nearCached(id), Duration.ofSeconds(5),
        "the async read and the in-place read answering with the same held entry");
    assertThat(l1.nearCached(id)).isSameAs(Await.result(l1.get(id)));
    assertThat(l1.nearCached(id).version()).isEqualTo(1);
    assertThat(l1.nearCached("urn:tier:never-read")).isNull();
  }

  @Test
  void l2WritesGoOnAfterRedisForgetsTheGuardScript() {
    String id = "urn:tier:script";
    http.put("/v1/entities/" + id, DATASET);
    awaitL2Version(id, 1);

    Await.result(redis.send(Request.cmd(Command.SCRIPT).arg("FLUSH")));
    http.put("/v1/entities/" + id, DATASET.replace("1", "2"));

    awaitL2Version(id, 2);
  }

  @Test
  void writerReadsItsOwnWriteAtOnce() {
    String id = "urn:tier:own-write";
    http.put("/v1/entities/" + id, DATASET);
    http.get("/v1/entities/" + id);

    for (int i = 2; i <= 20; i++) {
      http.put("/v1/entities/" + id, DATASET.replace("1", Integer.toString(i)));
      HttpResponse<String> read = http.get("/v1/entities/" + id);
      assertThat(read.headers().firstValue("ETag")).hasValue("\"" + i + "\"");
    }
  }

  @Test
  void missesAreCachedBrieflyAndAWriteReplacesTheCachedMiss() {
    String id = "urn:tier:negative";
    assertThat(http.get("/v1/entities/" + id).statusCode()).isEqualTo(404);
    HttpResponse<String> again = http.get("/v1/entities/" + id);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(xCache(again)).isEqualTo("L1");

    http.put("/v1/entities/" + id, DATASET);

    assertThat(http.get("/v1/entities/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void aSlowFillOfAnOlderVersionNeverOverwritesANewerWrite() {
    String id = "urn:tier:race";
    http.put("/v1/entities/" + id, DATASET);
    node.l1().clear();
    evictL2(id);

    Promise<Void> readDone = Promise.promise();
    Promise<Void> release = Promise.promise();
    SqlClient reader = PgClients.pipelinedReader(vertx, node.config().pg());
    EntitySource slowSource = new DelayedSource(new PgEntitySource(reader), readDone, release.future());
    Context context = vertx.getOrCreateContext();
    Promise<Lookup> lookup = Promise.promise();
    context.runOnContext(v -> cacheOver(slowSource, context).get(id).onComplete(lookup));

    Await.result(readDone.future()); // the fill has read version 1 from PostgreSQL and now waits
    assertThat(http.put("/v1/entities/" + id, DATASET.replace("1", "2")).statusCode()).isEqualTo(200);
    awaitL2Version(id, 2);
    release.complete();

    assertThat(Await.result(lookup.future()).entry().version()).isEqualTo(1);
    assertThat(node.l1().get(id).version()).isEqualTo(2);
    assertThat(l2Entry(id).version()).isEqualTo(2);
    HttpResponse<String> read = http.get("/v1/entities/" + id);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(new JsonObject(read.body()).getJsonObject("attributes").getInteger("n")).isEqualTo(2);
    Await.result(reader.close());
  }

  @Test
  void l2ReadsAskedForInOneTurnOfTheEventLoopGoToRedisAsOneMget() {
    List<String> ids = IntStream.rangeClosed(1, 12).mapToObj(n -> "urn:tier:coalesced-" + n).toList();
    ids.forEach(id -> http.put("/v1/entities/" + id, DATASET));
    ids.forEach(id -> awaitL2Version(id, 1));
    CacheConfig skipL1 = new CacheConfig(1000, 60, 2000, 1000, 0, false, true);
    SqlClient reader = PgClients.pipelinedReader(vertx, node.config().pg());
    SingleFlight<String, Lookup> flight = new SingleFlight<>();
    Context context = vertx.getOrCreateContext();
    Map<String, Long> before = redisCommandCalls();
    Promise<List<Lookup>> lookups = Promise.promise();
    context.runOnContext(v -> {
      TieredEntityCache cache = new TieredEntityCache(l1(context), l2(), new PgEntitySource(reader), flight, context,
          skipL1, new CacheMetrics(new SimpleMeterRegistry(), flight));
      Future.all(ids.stream().map(cache::get).toList()).<List<Lookup>>map(CompositeFuture::list).onComplete(lookups);
    });

    assertThat(Await.result(lookups.future())).hasSize(12).allSatisfy(lookup -> {
      assertThat(lookup.tier()).isEqualTo(Tier.L2);
      assertThat(lookup.entry().version()).isEqualTo(1);
    });
    Map<String, Long> after = redisCommandCalls();
    assertThat(after.getOrDefault("mget", 0L) - before.getOrDefault("mget", 0L)).isEqualTo(1);
    assertThat(after.getOrDefault("get", 0L) - before.getOrDefault("get", 0L)).isZero();
    Await.result(reader.close());
  }

  @Test
  void concurrentMissesForOneKeyShareOneLoad() {
    String id = "urn:tier:single-flight";
    http.put("/v1/entities/" + id, DATASET);
    node.l1().clear();
    evictL2(id);

    AtomicInteger loads = new AtomicInteger();
    Promise<Void> release = Promise.promise();
    SqlClient reader = PgClients.pipelinedReader(vertx, node.config().pg());
    EntitySource counting = new DelayedSource(new PgEntitySource(reader), Promise.promise(), release.future()) {
      @Override
      public Future<CachedEntity> load(String key) {
        loads.incrementAndGet();
        return super.load(key);
      }
    };
    SingleFlight<String, Lookup> flight = new SingleFlight<>();
    Context context = vertx.getOrCreateContext();
    List<Promise<Lookup>> results = List.of(Promise.promise(), Promise.promise(), Promise.promise(),
        Promise.promise(), Promise.promise());
    context.runOnContext(v -> {
      TieredEntityCache cache = new TieredEntityCache(l1(context), l2(), counting, flight, context,
          node.config().cache(), new CacheMetrics(new SimpleMeterRegistry(), flight));
      results.forEach(result -> cache.get(id).onComplete(result));
      release.complete();
    });

    for (Promise<Lookup> result : results) {
      assertThat(Await.result(result.future()).entry().version()).isEqualTo(1);
    }
    assertThat(loads.get()).isEqualTo(1);
    assertThat(flight.joins()).isEqualTo(4);
    assertThat(flight.inFlight()).isZero();
    Await.result(reader.close());
  }

  @Test
  void redisDownDegradesButReadsAndWritesGoOnAndRedisIsUsedAgainWhenBack() {
    String cached = "urn:tier:redis-cached";
    http.put("/v1/entities/" + cached, DATASET);
    redisServer.stop();
    try {
      assertThat(http.get("/v1/entities/" + cached).statusCode()).isEqualTo(200);
      HttpResponse<String> written = http.put("/v1/entities/urn:tier:redis-down-write", DATASET);
      assertThat(written.statusCode()).isEqualTo(201);
      node.l1().clear();
      HttpResponse<String> fromPostgres = http.get("/v1/entities/urn:tier:redis-down-write");
      assertThat(fromPostgres.statusCode()).isEqualTo(200);
      assertThat(xCache(fromPostgres)).isEqualTo("L3");
      HttpResponse<String> ready = http.get("/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("DEGRADED");
    } finally {
      redisServer.startServer();
    }

    node.l1().clear();
    assertThat(xCache(http.get("/v1/entities/" + cached))).isEqualTo("L3");
    node.l1().clear();
    assertThat(xCache(http.get("/v1/entities/" + cached))).isEqualTo("L2");
    assertThat(new JsonObject(http.get("/health/ready").body()).getString("status")).isEqualTo("UP");
  }

  private static TieredEntityCache cacheOver(EntitySource source, Context context) {
    SingleFlight<String, Lookup> flight = new SingleFlight<>();
    return new TieredEntityCache(l1(context), l2(), source, flight, context, node.config().cache(),
        new CacheMetrics(new SimpleMeterRegistry(), flight));
  }

  private static L1EntityCache l1(Context context) {
    return new L1EntityCache(node.l1(), context);
  }

  private static L2EntityCache l2() {
    return new L2EntityCache(redis, node.config().redis());
  }

  private static CachedEntity l2Entry(String id) {
    return Await.result(l2().getAll(List.of(id))).get(0);
  }

  private static String xCache(HttpResponse<String> response) {
    return response.headers().firstValue("X-Cache").orElse("none");
  }

  /** Calls per command of the test's own Redis since it started, from INFO commandstats. */
  private static Map<String, Long> redisCommandCalls() {
    String info = Await.result(redis.send(Request.cmd(Command.INFO).arg("commandstats"))).toString();
    Map<String, Long> calls = new HashMap<>();
    Matcher line = Pattern.compile("cmdstat_(\\w+):calls=(\\d+)").matcher(info);
    while (line.find()) {
      calls.put(line.group(1), Long.parseLong(line.group(2)));
    }
    return calls;
  }

  private static void evictL2(String id) {
    Await.result(redis.send(Request.cmd(Command.DEL).arg(L2EntityCache.keyPrefix(node.config().redis()) + id)));
  }

  private static void awaitL2Version(String id, long version) {
    Poll.until(() -> {
      CachedEntity entry = l2Entry(id);
      return entry != null && entry.version() == version;
    }, Duration.ofSeconds(5), "L2 reaching version " + version);
  }

  /** Loads from the real source, says so, then holds the result until released: a deliberately slow fill. */
  private static class DelayedSource implements EntitySource {
    private final EntitySource source;
    private final Promise<Void> loaded;
    private final Future<Void> release;

    DelayedSource(EntitySource source, Promise<Void> loaded, Future<Void> release) {
      this.source = source;
      this.loaded = loaded;
      this.release = release;
    }

    @Override
    public Future<CachedEntity> load(String id) {
      return source.load(id).compose(entry -> {
        loaded.tryComplete();
        return release.map(entry);
      });
    }

    @Override
    public Future<Map<String, CachedEntity>> loadAll(List<String> ids) {
      return source.loadAll(ids);
    }
  }
}
