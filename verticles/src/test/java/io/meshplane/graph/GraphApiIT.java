package io.meshplane.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Relationships and lineage against a real node: every status, cycles, depth, direction, a 10k-edge fan-out. */
class GraphApiIT {
  private static final Logger LOG = LoggerFactory.getLogger(GraphApiIT.class);
  private static final int NODE_LIMIT = 500;

  private static NodeFixture fixture;
  private static Http http;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start(settings -> settings.put("graph.lineage-node-limit", Integer.toString(NODE_LIMIT)));
    http = fixture.http();
    for (String id : List.of("g:a", "g:b", "g:c", "g:d", "g:gone")) {
      assertThat(http.put("/v1/entities/" + id, "{\"type\":\"dataset\",\"domain\":\"d\"}").statusCode()).isEqualTo(201);
    }
    http.delete("/v1/entities/g:gone");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void relationshipsAreIdempotentValidatedListedAndRemoved() {
    String owns = "{\"from\":\"g:a\",\"type\":\"owns\",\"to\":\"g:b\",\"properties\":{\"since\":2020}}";
    assertThat(http.put("/v1/relationships", owns).statusCode()).isEqualTo(201);
    assertThat(http.put("/v1/relationships", owns).statusCode()).isEqualTo(200);
    assertThat(http.put("/v1/relationships", owns.replace("2020", "2021")).statusCode()).isEqualTo(200);
    assertThat(http.put("/v1/relationships", owns.replace("g:b", "g:nowhere")).statusCode()).isEqualTo(422);
    assertThat(http.put("/v1/relationships", owns.replace("g:b", "g:gone")).statusCode()).isEqualTo(422);
    assertThat(http.put("/v1/relationships", owns.replace("owns", "not a type")).statusCode()).isEqualTo(400);
    assertThat(http.put("/v1/relationships", "{\"from\":\"g:a\"}").statusCode()).isEqualTo(400);

    JsonArray out = new JsonObject(http.get("/v1/entities/g:a/relationships?direction=out").body()).getJsonArray("items");
    assertThat(out).hasSize(1);
    assertThat(out.getJsonObject(0).getJsonObject("properties").getInteger("since")).isEqualTo(2021);
    assertThat(new JsonObject(http.get("/v1/entities/g:b/relationships?direction=in&type=owns").body())
        .getJsonArray("items")).hasSize(1);
    assertThat(new JsonObject(http.get("/v1/entities/g:b/relationships?direction=out").body())
        .getJsonArray("items")).isEmpty();
    assertThat(http.get("/v1/entities/g:a/relationships?direction=sideways").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities/g:nowhere/relationships").statusCode()).isEqualTo(404);

    assertThat(http.delete("/v1/relationships", owns).statusCode()).isEqualTo(204);
    assertThat(http.delete("/v1/relationships", owns).statusCode()).isEqualTo(404);
    // added, updated, removed: three entries on g:a's history; the unchanged PUT recorded nothing
    assertThat(fixture.database().queryLong(
        "SELECT count(*) FROM mp_event_log WHERE entity_id = 'g:a' AND kind LIKE 'relationship.%'")).isEqualTo(3);
  }

  @Test
  void lineageWalksBothWaysToTheDepthAskedAndSurvivesACycle() {
    put("g:a", "g:b");
    put("g:b", "g:c");
    put("g:c", "g:a"); // the cycle
    put("g:c", "g:d");

    JsonObject downstream = lineage("g:a", "downstream", 10);
    assertThat(ids(downstream)).containsExactlyInAnyOrder("g:a", "g:b", "g:c", "g:d");
    assertThat(downstream.getBoolean("truncated")).isFalse();
    assertThat(downstream.getJsonArray("edges")).hasSize(4);
    assertThat(ids(lineage("g:a", "downstream", 1))).containsExactlyInAnyOrder("g:a", "g:b");
    assertThat(ids(lineage("g:d", "upstream", 2))).containsExactlyInAnyOrder("g:d", "g:c", "g:b");

    assertThat(http.put("/v1/lineage", "{\"upstream\":\"g:a\",\"downstream\":\"g:a\"}").statusCode()).isEqualTo(400);
    assertThat(http.put("/v1/lineage", "{\"upstream\":\"g:a\",\"downstream\":\"g:gone\"}").statusCode())
        .isEqualTo(422);
    assertThat(http.get("/v1/entities/g:a/lineage?depth=11").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities/g:a/lineage?direction=sideways").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities/g:nowhere/lineage").statusCode()).isEqualTo(404);
    assertThat(http.delete("/v1/lineage", "{\"upstream\":\"g:c\",\"downstream\":\"g:d\"}").statusCode())
        .isEqualTo(204);
    assertThat(ids(lineage("g:a", "downstream", 10))).doesNotContain("g:d");
  }

  @Test
  void lineageAnswersAreCachedUntilAnEdgeChanges() {
    for (String id : List.of("c:x", "c:y", "c:z")) {
      http.put("/v1/entities/" + id, "{\"type\":\"dataset\"}");
    }
    put("c:x", "c:y");

    HttpResponse<String> first = http.get("/v1/entities/c:x/lineage?depth=2");
    HttpResponse<String> second = http.get("/v1/entities/c:x/lineage?depth=2");
    assertThat(first.headers().firstValue("X-Cache")).hasValue("L3");
    assertThat(second.headers().firstValue("X-Cache")).hasValue("L1");
    assertThat(new JsonObject(second.body())).isEqualTo(new JsonObject(first.body()));

    put("c:y", "c:z");

    HttpResponse<String> changed = http.get("/v1/entities/c:x/lineage?depth=2");
    assertThat(changed.headers().firstValue("X-Cache")).hasValue("L3");
    assertThat(ids(new JsonObject(changed.body()))).containsExactlyInAnyOrder("c:x", "c:y", "c:z");
    assertThat(http.get("/v1/entities/c:x/lineage?depth=2").headers().firstValue("X-Cache")).hasValue("L1");

    assertThat(http.delete("/v1/entities/c:z").statusCode()).isEqualTo(204);

    // a deleted entity leaves cached answers at once, not when they expire
    assertThat(ids(lineage("c:x", "downstream", 2))).containsExactlyInAnyOrder("c:x", "c:y");
  }

  @Test
  void aTenThousandEdgeFanOutIsCutAtTheNodeLimitAndSaysSo() throws SQLException {
    fixture.database().execute("INSERT INTO mp_entity (id, type, version) SELECT 'fan:' || n, 'dataset', 1 "
        + "FROM generate_series(0, 10000) n");
    fixture.database().execute("INSERT INTO mp_lineage (upstream_id, downstream_id) SELECT 'fan:0', 'fan:' || n "
        + "FROM generate_series(1, 10000) n");

    long started = System.nanoTime();
    JsonObject fan = lineage("fan:0", "downstream", 10);
    LOG.info("10k-edge fan-out answered in {} ms", (System.nanoTime() - started) / 1_000_000);
    long again = System.nanoTime();
    lineage("fan:0", "downstream", 10);
    LOG.info("10k-edge fan-out answered again in {} ms", (System.nanoTime() - again) / 1_000_000);

    assertThat(fan.getBoolean("truncated")).isTrue();
    assertThat(fan.getJsonArray("nodes")).hasSize(NODE_LIMIT);
    assertThat(ids(fan)).contains("fan:0");
  }

  private static void put(String upstream, String downstream) {
    HttpResponse<String> response = http.put("/v1/lineage", new JsonObject().put("upstream", upstream)
        .put("downstream", downstream).put("job", "etl").encode());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  private static JsonObject lineage(String id, String direction, int depth) {
    HttpResponse<String> response = http.get("/v1/entities/" + id + "/lineage?direction=" + direction + "&depth="
        + depth);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static List<String> ids(JsonObject graph) {
    return graph.getJsonArray("nodes").stream().map(node -> ((JsonObject) node).getString("id")).toList();
  }
}
