package io.meshplane.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TcpProxy;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis taken away from a node under load (its connections cut, new ones refused) and given back: reads and writes
 * go on, readiness says DEGRADED, and afterwards Redis holds what was written meanwhile — it never answers the
 * version from before the outage.
 */
class RedisOutageIT {
  private static final Logger LOG = LoggerFactory.getLogger(RedisOutageIT.class);
  private static final String ENTITY = "{\"type\":\"dataset\",\"attributes\":{\"n\":%d}}";

  @Test
  void readsAndWritesGoOnAndRedisCatchesUpWithWhatItMissed() throws Exception {
    try (TcpProxy redis = new TcpProxy("127.0.0.1", 6379);
        NodeFixture fixture = NodeFixture.start(settings ->
            settings.put("redis.url", "redis://127.0.0.1:" + redis.port()))) {
      Http http = fixture.http().withTimeout(Duration.ofSeconds(5));
      for (int i = 0; i < 20; i++) {
        assertThat(http.put("/v1/entities/urn:redis:" + i, ENTITY.formatted(1)).statusCode()).isEqualTo(201);
      }
      fixture.node().l1().clear();
      assertThat(xCache(http.get("/v1/entities/urn:redis:0"))).isEqualTo("L2");

      Map<Integer, Integer> readStatuses = new ConcurrentHashMap<>();
      AtomicBoolean reading = new AtomicBoolean(true);
      Thread reader = new Thread(() -> {
        for (int i = 0; reading.get(); i++) {
          readStatuses.merge(http.get("/v1/entities/urn:redis:" + (i % 20)).statusCode(), 1, Integer::sum);
        }
      });
      reader.start();
      try {
        redis.cut();

        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
          assertThat(http.put("/v1/entities/urn:redis:" + i, ENTITY.formatted(2)).statusCode()).isEqualTo(200);
        }
        LOG.info("20 writes with Redis unreachable took {} ms", (System.nanoTime() - started) / 1_000_000);
        fixture.node().l1().clear();
        HttpResponse<String> fromPostgres = http.get("/v1/entities/urn:redis:3");
        assertThat(fromPostgres.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(xCache(fromPostgres)).isIn("L1", "L3"); // L1 if the reader refilled it first; never L2
        JsonObject readiness = new JsonObject(http.get("/health/ready").body());
        assertThat(readiness.getString("status")).isEqualTo("DEGRADED");
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
      } finally {
        reading.set(false);
        reader.join();
      }
      LOG.info("reads during the outage: {}", readStatuses);
      assertThat(readStatuses.keySet()).containsOnly(200);

      redis.restore();

      // Redis still holds version 1 of every entity; the node must bring it to version 2 by itself
      long repaired = Poll.until(() -> {
        fixture.node().l1().clear();
        return allAtVersion(http, 2, "L2");
      }, Duration.ofSeconds(15), "Redis holding what was written while it was away");
      LOG.info("Redis caught up {} ms after it was back", repaired / 1000);
      assertThat(new JsonObject(http.get("/health/ready").body()).getString("status")).isEqualTo("UP");
    }
  }

  private static boolean allAtVersion(Http http, long version, String tier) {
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> read = http.get("/v1/entities/urn:redis:" + i);
      if (!read.headers().firstValue("ETag").orElse("").equals("\"" + version + "\"")) {
        return false;
      }
      if (!xCache(read).equals(tier)) {
        return false;
      }
    }
    return true;
  }

  private static String xCache(HttpResponse<String> response) {
    return response.headers().firstValue("X-Cache").orElse("none");
  }
}
