package io.meshplane.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TcpProxy;
import io.meshplane.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL and Redis behind a slow link (every chunk held back): writes and cache misses end within the request
 * timeout as 503 problems, cached reads answer as fast as before, no event loop waits (the class fails on any
 * blocked-thread report), and all is well again when the link is.
 */
class SlowNetworkIT {
  private static final Logger LOG = LoggerFactory.getLogger(SlowNetworkIT.class);
  private static final int REQUEST_TIMEOUT_MS = 1500;
  private static final Duration SLOW = Duration.ofMillis(400);
  private static final int READS = 300;

  @Test
  void slowBackingServicesCostCachedReadsNothingAndWritesNoMoreThanTheTimeout() {
    try (TcpProxy postgres = new TcpProxy(TestDatabase.HOST, TestDatabase.PORT);
        TcpProxy redis = new TcpProxy("127.0.0.1", 6379);
        NodeFixture fixture = NodeFixture.start(settings -> {
          settings.put("pg.port", Integer.toString(postgres.port()));
          settings.put("redis.url", "redis://127.0.0.1:" + redis.port());
          settings.put("http.request-timeout-ms", Integer.toString(REQUEST_TIMEOUT_MS));
        })) {
      Http http = fixture.http();
      for (int i = 0; i < 10; i++) {
        assertThat(http.put("/v1/entities/urn:slow:" + i, "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
        assertThat(http.get("/v1/entities/urn:slow:" + i).statusCode()).isEqualTo(200);
      }
      long[] before = cachedReadMicros(http);

      postgres.delay(SLOW);
      redis.delay(SLOW);

      long[] during = cachedReadMicros(http);
      long started = System.nanoTime();
      HttpResponse<String> write = http.put("/v1/entities/urn:slow:new", "{\"type\":\"t\"}");
      long writeMillis = (System.nanoTime() - started) / 1_000_000;
      started = System.nanoTime();
      HttpResponse<String> miss = http.get("/v1/entities/urn:slow:never-cached");
      long missMillis = (System.nanoTime() - started) / 1_000_000;
      LOG.info("cached reads p50/p99/max µs, normal: {}/{}/{}; PostgreSQL and Redis {} ms away each way: {}/{}/{}",
          percentile(before, 50), percentile(before, 99), before[before.length - 1], SLOW.toMillis(),
          percentile(during, 50), percentile(during, 99), during[during.length - 1]);
      LOG.info("a write answered {} in {} ms, an uncached read {} in {} ms", write.statusCode(), writeMillis,
          miss.statusCode(), missMillis);

      assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
      assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(writeMillis).isLessThan(REQUEST_TIMEOUT_MS + 2_000);
      assertThat(miss.statusCode()).isIn(200, 404, 503);
      assertThat(missMillis).isLessThan(REQUEST_TIMEOUT_MS + 2_000);
      // a cached read never touches the slow link: generous bounds, since the machine is shared
      assertThat(percentile(during, 99)).isLessThan(SLOW.toMillis() * 1000 / 4);
      assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

      postgres.restore();
      redis.restore();

      Poll.until(() -> http.put("/v1/entities/urn:slow:after", "{\"type\":\"t\"}").statusCode() == 201,
          Duration.ofSeconds(30), "writes succeeding once the link is fast again");
    }
  }

  private static long[] cachedReadMicros(Http http) {
    long[] micros = new long[READS];
    for (int i = 0; i < READS; i++) {
      long started = System.nanoTime();
      HttpResponse<String> read = http.get("/v1/entities/urn:slow:" + (i % 10));
      micros[i] = (System.nanoTime() - started) / 1000;
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.headers().firstValue("X-Cache")).hasValue("L1");
    }
    Arrays.sort(micros);
    return micros;
  }

  private static long percentile(long[] sorted, int percent) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
  }
}
