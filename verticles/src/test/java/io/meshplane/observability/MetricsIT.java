package io.meshplane.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.Metrics;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a real node: valid exposition text, the named series present, and moving with traffic. */
class MetricsIT {
  private static NodeFixture fixture;
  private static Http http;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start();
    http = fixture.http();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void theExpositionParsesLineByLine() {
    String scrape = http.get("/metrics").body();

    for (String line : scrape.split("\n")) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        assertThat(Metrics.isSample(line)).as(line).isTrue();
      }
    }
  }

  @Test
  void namedSeriesExistAndMoveWithTraffic() {
    http.put("/v1/entities/urn:metrics:a", "{\"type\":\"t\"}");
    fixture.node().l1().clear();
    http.get("/v1/entities/urn:metrics:a");
    http.get("/v1/entities/urn:metrics:a");
    http.get("/v1/entities/urn:metrics:missing");
    Map<String, Double> before = Metrics.scrape(http);

    assertThat(before).containsKeys(
        "meshplane_cluster_members",
        "meshplane_outbox_leader",
        "meshplane_router_routes_version",
        "meshplane_cache_singleflight_joins_total",
        "meshplane_router_records_total{outcome=\"routed\"}",
        "meshplane_router_records_total{outcome=\"dead_lettered\"}");
    assertThat(before.get("meshplane_cache_answers_total{tier=\"L2\"}")).isGreaterThanOrEqualTo(1);
    assertThat(before.get("meshplane_cache_answers_total{tier=\"L3\"}")).isGreaterThanOrEqualTo(1);
    assertThat(before.get("meshplane_cache_answers_total{tier=\"L1\"}")).isGreaterThanOrEqualTo(1);
    assertThat(before.get("meshplane_cache_negative_hits_total")).isGreaterThanOrEqualTo(1);
    assertThat(before.keySet()).anyMatch(series -> series.startsWith("vertx_http_server_requests_total")
        && series.contains("route=\"/v1/entities/:id\""));
    assertThat(before.keySet()).noneMatch(series -> series.contains("urn:metrics"));

    http.get("/v1/entities/urn:metrics:a");
    Poll.until(() -> Metrics.scrape(http).get("meshplane_outbox_published_total") >= 1,
        Duration.ofSeconds(30), "the outbox publish counter moving");
    Map<String, Double> after = Metrics.scrape(http);
    assertThat(after.get("meshplane_cache_answers_total{tier=\"L1\"}"))
        .isGreaterThan(before.get("meshplane_cache_answers_total{tier=\"L1\"}"));
  }
}
