package io.meshplane.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on a real node: valid exposition text, the named series present, and moving with traffic. */
class MetricsIT {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?$");

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
        assertThat(SAMPLE.matcher(line).matches()).as(line).isTrue();
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
    Map<String, Double> before = samples(http.get("/metrics").body());

    assertThat(before).containsKeys(
        "meshplane_cluster_members",
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
    Poll.until(() -> samples(http.get("/metrics").body()).get("meshplane_outbox_published_total") >= 1,
        Duration.ofSeconds(30), "the outbox publish counter moving");
    Map<String, Double> after = samples(http.get("/metrics").body());
    assertThat(after.get("meshplane_cache_answers_total{tier=\"L1\"}"))
        .isGreaterThan(before.get("meshplane_cache_answers_total{tier=\"L1\"}"));
  }

  /** Series (name plus labels as written) → value. */
  private static Map<String, Double> samples(String scrape) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : scrape.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.matches()) {
        String labels = sample.group(2) == null ? "" : sample.group(2);
        samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
      }
    }
    return samples;
  }
}
