package io.meshplane.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Await;
import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code cache.l1-reads} and {@code cache.l2-reads} off, on real Hazelcast, Redis and PostgreSQL: reads skip those
 * tiers, writes still reach them, and a writer still reads its own write at once.
 */
class CacheReadTiersIT {
  private static NodeFixture redisAnswers;
  private static NodeFixture postgresAnswers;
  private static Vertx vertx;
  private static Redis redis;

  @BeforeAll
  static void start() {
    redisAnswers = NodeFixture.start(settings -> settings.put("cache.l1-reads", "false"));
    postgresAnswers = NodeFixture.start(settings -> {
      settings.put("cache.l1-reads", "false");
      settings.put("cache.l2-reads", "false");
    });
    vertx = Vertx.vertx();
    redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(
        redisAnswers.node().config().redis().url()));
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      redis.close();
      Await.result(vertx.close());
    }
    if (postgresAnswers != null) {
      postgresAnswers.close();
    }
    if (redisAnswers != null) {
      redisAnswers.close();
    }
  }

  @Test
  void withoutL1ReadsRedisAnswersAndAMissFillsOnlyRedis() {
    Http http = redisAnswers.http();
    String id = "urn:tiers:redis";
    assertThat(http.put("/v1/entities/" + id, dataset(1)).statusCode()).isEqualTo(201);

    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L2");
    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L2");

    evictL2(redisAnswers, id);
    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L3");
    assertThat(xCache(http.get("/v1/entities/" + id))).isEqualTo("L2");
    assertThat(redisAnswers.node().l1().containsKey(id)).as("the write reached L1").isTrue();
  }

  @Test
  void withoutL1ReadsAWriterReadsItsWriteAtOnce() {
    Http http = redisAnswers.http();
    String id = "urn:tiers:redis-own-write";
    http.put("/v1/entities/" + id, dataset(1));
    http.get("/v1/entities/" + id);
    for (int n = 2; n <= 30; n++) {
      assertThat(http.put("/v1/entities/" + id, dataset(n)).statusCode()).isEqualTo(200);
      HttpResponse<String> read = http.get("/v1/entities/" + id);
      assertThat(read.headers().firstValue("ETag")).hasValue("\"" + n + "\"");
      assertThat(new JsonObject(read.body()).getJsonObject("attributes").getInteger("n")).isEqualTo(n);
    }
  }

  @Test
  void withoutL1AndL2ReadsPostgresAnswersEveryReadAndWritesStillReachRedis() {
    Http http = postgresAnswers.http();
    String id = "urn:tiers:postgres";
    http.put("/v1/entities/" + id, dataset(1));
    assertThat(http.put("/v1/entities/" + id, dataset(2)).statusCode()).isEqualTo(200);

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> read = http.get("/v1/entities/" + id);
      assertThat(xCache(read)).isEqualTo("L3");
      assertThat(read.headers().firstValue("ETag")).hasValue("\"2\"");
    }
    assertThat(http.get("/v1/entities/urn:tiers:never-written").statusCode()).isEqualTo(404);
    assertThat(xCache(http.get("/v1/entities/urn:tiers:never-written"))).isEqualTo("L3");

    JsonObject batch = new JsonObject(http.get("/v1/entities?ids=" + id + ",urn:tiers:never-written").body());
    assertThat(batch.getJsonArray("items")).hasSize(1);
    assertThat(batch.getJsonArray("missing").getList()).containsExactly("urn:tiers:never-written");

    Response inRedis = Await.result(redis.send(Request.cmd(Command.EXISTS).arg(l2Key(postgresAnswers, id))));
    assertThat(inRedis.toInteger()).as("the write reached Redis").isEqualTo(1);
    assertThat(postgresAnswers.node().l1().containsKey(id)).as("the write reached L1").isTrue();
  }

  private static String dataset(int n) {
    return "{\"type\":\"dataset\",\"attributes\":{\"n\":" + n + "}}";
  }

  private static String xCache(HttpResponse<String> response) {
    return response.headers().firstValue("X-Cache").orElse("none");
  }

  private static String l2Key(NodeFixture fixture, String id) {
    return L2EntityCache.keyPrefix(fixture.node().config().redis()) + id;
  }

  private static void evictL2(NodeFixture fixture, String id) {
    Await.result(redis.send(Request.cmd(Command.DEL).arg(l2Key(fixture, id))));
  }
}
