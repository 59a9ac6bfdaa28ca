package io.meshplane.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.LogCapture;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TcpProxy;
import io.meshplane.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL taken away from a node (its connections cut, new ones refused): writes fail fast with 503, cached reads
 * go on, and everything recovers by itself when the database is back.
 */
class PostgresOutageIT {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresOutageIT.class);
  private static final int REQUEST_TIMEOUT_MS = 1500;

  @Test
  void writesAre503FastWhileDownCachedReadsGoOnAndAllRecovers() {
    try (TcpProxy postgres = new TcpProxy(TestDatabase.HOST, TestDatabase.PORT);
        NodeFixture fixture = NodeFixture.start(settings -> {
          settings.put("pg.port", Integer.toString(postgres.port()));
          settings.put("pg.connect-timeout-ms", "1000");
          settings.put("http.request-timeout-ms", Integer.toString(REQUEST_TIMEOUT_MS));
        })) {
      Http http = fixture.http();
      assertThat(http.put("/v1/entities/urn:outage:cached", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
      assertThat(http.get("/v1/entities/urn:outage:cached").statusCode()).isEqualTo(200);

      postgres.cut();

      long started = System.nanoTime();
      HttpResponse<String> write = http.put("/v1/entities/urn:outage:new", "{\"type\":\"t\"}");
      long writeMillis = (System.nanoTime() - started) / 1_000_000;
      LOG.info("a write with PostgreSQL down answered {} in {} ms", write.statusCode(), writeMillis);
      assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
      assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(writeMillis).isLessThan(5_000);
      assertThat(http.get("/v1/entities/urn:outage:cached").statusCode()).isEqualTo(200);
      assertThat(http.get("/v1/entities/urn:outage:uncached").statusCode()).isEqualTo(503);
      assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);

      postgres.restore();

      long recovery = Poll.until(() -> http.put("/v1/entities/urn:outage:new", "{\"type\":\"t\"}").statusCode() == 201,
          Duration.ofSeconds(30), "writes succeeding again");
      LOG.info("writes succeeded again {} ms after PostgreSQL came back", recovery / 1000);
      assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
      assertThat(fixture.database().queryLong("SELECT count(*) FROM mp_entity WHERE id = 'urn:outage:new'")).isOne();
    }
  }

  @Test
  void aDatabaseThatStopsAnsweringCostsARequestNoMoreThanTheTimeout() {
    try (TcpProxy postgres = new TcpProxy(TestDatabase.HOST, TestDatabase.PORT);
        NodeFixture fixture = NodeFixture.start(settings -> {
          settings.put("pg.port", Integer.toString(postgres.port()));
          settings.put("http.request-timeout-ms", Integer.toString(REQUEST_TIMEOUT_MS));
        })) {
      Http http = fixture.http();
      assertThat(http.put("/v1/entities/urn:frozen:cached", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);

      postgres.freeze();

      long started = System.nanoTime();
      HttpResponse<String> write = http.put("/v1/entities/urn:frozen:new", "{\"type\":\"t\"}");
      long writeMillis = (System.nanoTime() - started) / 1_000_000;
      LOG.info("a write with PostgreSQL silent answered {} in {} ms", write.statusCode(), writeMillis);
      assertThat(write.statusCode()).as(write.body()).isEqualTo(503);
      assertThat(writeMillis).isLessThan(REQUEST_TIMEOUT_MS + 2_000);
      assertThat(http.get("/v1/entities/urn:frozen:cached").statusCode()).isEqualTo(200);
      assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

      try (LogCapture errors = LogCapture.errors()) {
        postgres.restore();
        // the write the timeout answered now commits late: its outcome has no request left to answer
        Poll.until(() -> http.get("/v1/entities/urn:frozen:new").statusCode() == 200, Duration.ofSeconds(30),
            "the late write readable");
        assertThat(errors.messages()).isEmpty();
      }
    }
  }
}
