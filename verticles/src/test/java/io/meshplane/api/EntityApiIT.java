package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestDatabase;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TopicReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The entity API contract of DESIGN.md, status code by status code, against a real node and real services. */
class EntityApiIT {
  private static final String DATASET = "{\"type\":\"dataset\",\"domain\":\"sales\",\"sourceSystem\":\"dbt\","
      + "\"owner\":\"team-sales\",\"tags\":[\"gold\"],\"attributes\":{\"rows\":12,\"nested\":{\"k\":[1,2]}}}";

  private static NodeFixture fixture;
  private static TestDatabase database;
  private static Http http;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start();
    database = fixture.database();
    http = fixture.http();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void putCreatesThenUpdatesWithVersionsAndEtags() {
    HttpResponse<String> created = http.put("/v1/entities/urn:mesh:dataset:sales.orders", DATASET);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonObject body = new JsonObject(created.body());
    assertThat(body.getString("id")).isEqualTo("urn:mesh:dataset:sales.orders");
    assertThat(body.getString("type")).isEqualTo("dataset");
    assertThat(body.getString("sourceSystem")).isEqualTo("dbt");
    assertThat(body.getJsonObject("attributes").getJsonObject("nested").getJsonArray("k"))
        .isEqualTo(new JsonArray().add(1).add(2));
    assertThat(body.getLong("version")).isEqualTo(1);
    assertThat(body.getString("createdAt")).isEqualTo(body.getString("updatedAt"));

    HttpResponse<String> updated = http.put("/v1/entities/urn:mesh:dataset:sales.orders",
        DATASET.replace("team-sales", "team-finance"));
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(new JsonObject(updated.body()).getString("owner")).isEqualTo("team-finance");
    assertThat(new JsonObject(updated.body()).getString("createdAt")).isEqualTo(body.getString("createdAt"));

    HttpResponse<String> read = http.get("/v1/entities/urn:mesh:dataset:sales.orders");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(read.headers().firstValue("X-Cache")).isPresent();
    assertThat(new JsonObject(read.body())).isEqualTo(new JsonObject(updated.body()));
  }

  @Test
  void identicalPutChangesNothingAndRecordsNothing() {
    String id = "urn:mesh:dataset:idempotent";
    http.put("/v1/entities/" + id, DATASET);
    long events = database.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id = '" + id + "'");

    HttpResponse<String> again = http.put("/v1/entities/" + id, DATASET);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(database.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id = '" + id + "'"))
        .isEqualTo(events);
  }

  @Test
  void everyWriteAppendsEventLogAndOutboxRowsInItsTransaction() {
    String id = "urn:mesh:dataset:audited";
    http.put("/v1/entities/" + id, DATASET);
    http.put("/v1/entities/" + id, DATASET.replace("gold", "silver"));
    http.delete("/v1/entities/" + id);

    assertThat(database.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id = '" + id + "'")).isEqualTo(3);
    // outbox rows leave the table once relayed; their sequence says how many were written
    try (TopicReader changes = new TopicReader(TestKafka.bootstrapServers(),
        fixture.node().config().kafka().changesTopic())) {
      List<String> types = changes.readUntil(read -> read.stream().filter(r -> isFor(r, id)).count() >= 3,
              Duration.ofSeconds(30)).stream().filter(r -> isFor(r, id))
          .map(r -> TopicReader.header(r, "ce_type")).toList();
      assertThat(types).containsExactly("io.meshplane.entity.upserted", "io.meshplane.entity.upserted",
          "io.meshplane.entity.deleted");
    }
  }

  private static boolean isFor(ConsumerRecord<byte[], byte[]> record, String id) {
    return id.equals(new String(record.key(), StandardCharsets.UTF_8));
  }

  @Test
  void getAnswers304WhenIfNoneMatchMatches() {
    String id = "urn:mesh:dataset:etag";
    http.put("/v1/entities/" + id, DATASET);

    assertThat(http.get("/v1/entities/" + id, "If-None-Match", "\"1\"").statusCode()).isEqualTo(304);
    assertThat(http.get("/v1/entities/" + id, "If-None-Match", "W/\"1\"").statusCode()).isEqualTo(304);
    assertThat(http.get("/v1/entities/" + id, "If-None-Match", "\"7\", \"1\"").statusCode()).isEqualTo(304);
    assertThat(http.get("/v1/entities/" + id, "If-None-Match", "*").statusCode()).isEqualTo(304);
    assertThat(http.get("/v1/entities/" + id, "If-None-Match", "\"2\"").statusCode()).isEqualTo(200);
  }

  @Test
  void aNearCacheHitAnsweredBeforeTheRouterMatchesTheRoutedAnswer() {
    String id = "urn:mesh:dataset:fast";
    http.put("/v1/entities/" + id, DATASET);
    String routed = "/v1/entities/" + id.replace(":", "%3A"); // percent-encoded: always the router's
    Poll.until(() -> "L1".equals(http.get("/v1/entities/" + id).headers().firstValue("X-Cache").orElse("")),
        Duration.ofSeconds(5), "the entity held by the near cache");

    HttpResponse<String> fast = http.get("/v1/entities/" + id);
    HttpResponse<String> viaRouter = http.get(routed);

    for (HttpResponse<String> answer : List.of(fast, viaRouter)) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(fast.body());
      for (String header : List.of("ETag", "X-Cache", "Content-Type")) {
        assertThat(answer.headers().firstValue(header)).isEqualTo(fast.headers().firstValue(header)).isPresent();
      }
    }
    assertThat(http.get("/v1/entities/" + id, "If-None-Match", "\"1\"").statusCode()).isEqualTo(304);
    assertThat(http.get(routed, "If-None-Match", "\"1\"").statusCode()).isEqualTo(304);
    assertThat(http.get("/v1/entities/" + id + "/history").statusCode()).isEqualTo(200);
    assertThat(http.get("/v1/entities/urn:mesh:dataset:never-written").statusCode()).isEqualTo(404);
    HttpResponse<String> cachedMiss = http.get("/v1/entities/urn:mesh:dataset:never-written");
    assertThat(cachedMiss.statusCode()).isEqualTo(404);
    assertThat(cachedMiss.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void conditionalWritesAnswer412AndWriteNothing() {
    String id = "urn:mesh:dataset:conditional";
    assertThat(http.put("/v1/entities/" + id, DATASET, "If-Match", "\"1\"").statusCode()).isEqualTo(412);
    assertThat(http.put("/v1/entities/" + id, DATASET, "If-Match", "*").statusCode()).isEqualTo(412);
    assertThat(http.get("/v1/entities/" + id).statusCode()).isEqualTo(404);

    assertThat(http.put("/v1/entities/" + id, DATASET, "If-None-Match", "*").statusCode()).isEqualTo(201);
    HttpResponse<String> exists = http.put("/v1/entities/" + id, DATASET, "If-None-Match", "*");
    assertThat(exists.statusCode()).isEqualTo(412);
    assertThat(exists.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    assertThat(http.put("/v1/entities/" + id, DATASET.replace("gold", "x"), "If-Match", "\"9\"").statusCode())
        .isEqualTo(412);
    assertThat(http.put("/v1/entities/" + id, DATASET.replace("gold", "x"), "If-Match", "\"1\"").statusCode())
        .isEqualTo(200);
    assertThat(http.delete("/v1/entities/" + id, "If-Match", "\"1\"").statusCode()).isEqualTo(412);
    assertThat(http.delete("/v1/entities/" + id, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
    assertThat(database.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id = '" + id + "'")).isEqualTo(3);
  }

  @Test
  void deleteLeavesATombstoneThatReadsAs404AndCanBeRecreated() {
    String id = "urn:mesh:dataset:deleted";
    http.put("/v1/entities/" + id, DATASET);
    assertThat(http.get("/v1/entities/" + id).statusCode()).isEqualTo(200);

    assertThat(http.delete("/v1/entities/" + id).statusCode()).isEqualTo(204);

    HttpResponse<String> gone = http.get("/v1/entities/" + id);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(http.delete("/v1/entities/" + id).statusCode()).isEqualTo(404);
    assertThat(database.queryLong("SELECT count(*) FROM mp_entity WHERE id = '" + id + "' AND deleted_at IS NOT NULL"))
        .isEqualTo(1);

    HttpResponse<String> recreated = http.put("/v1/entities/" + id, DATASET);
    assertThat(recreated.statusCode()).isEqualTo(201);
    assertThat(recreated.headers().firstValue("ETag")).hasValue("\"3\"");
    assertThat(http.get("/v1/entities/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownIdIsA404Problem() {
    HttpResponse<String> missing = http.get("/v1/entities/urn:mesh:nothing:here");

    assertThat(missing.statusCode()).isEqualTo(404);
    JsonObject problem = new JsonObject(missing.body());
    assertThat(problem.getInteger("status")).isEqualTo(404);
    assertThat(problem.getString("type")).isEqualTo("urn:meshplane:problem:not-found");
    assertThat(problem.getString("detail")).contains("urn:mesh:nothing:here");
  }

  @Test
  void idsWithSlashesTravelPercentEncoded() {
    assertThat(http.put("/v1/entities/urn:mesh:table:db%2Fschema%2Forders", DATASET).statusCode()).isEqualTo(201);

    HttpResponse<String> read = http.get("/v1/entities/urn:mesh:table:db%2Fschema%2Forders");

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(read.body()).getString("id")).isEqualTo("urn:mesh:table:db/schema/orders");
  }

  @Test
  void batchLookupListsItemsInRequestOrderAndTheMissing() {
    http.put("/v1/entities/batch-a", DATASET);
    http.put("/v1/entities/batch-b", DATASET);
    http.put("/v1/entities/batch-gone", DATASET);
    http.delete("/v1/entities/batch-gone");

    HttpResponse<String> batch = http.get("/v1/entities?ids=batch-b,nope,batch-a,batch-gone,batch-b");

    assertThat(batch.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(batch.body());
    assertThat(body.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .containsExactly("batch-b", "batch-a");
    assertThat(body.getJsonArray("missing").getList()).containsExactly("nope", "batch-gone");
  }

  @Test
  void batchLookupRefusesBadRequests() {
    StringBuilder ids = new StringBuilder("x0");
    for (int i = 1; i <= 100; i++) {
      ids.append(",x").append(i);
    }
    assertThat(http.get("/v1/entities?ids=" + ids).statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities?ids=a,,b").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities?ids=a%20b").statusCode()).isEqualTo(400);
  }

  @Test
  void historyIsNewestFirstAndPagesWithACursor() {
    String id = "urn:mesh:dataset:history";
    http.put("/v1/entities/" + id, DATASET);
    for (int i = 0; i < 4; i++) {
      http.put("/v1/entities/" + id, DATASET.replace("gold", "tag" + i));
    }
    http.delete("/v1/entities/" + id);

    JsonObject first = new JsonObject(http.get("/v1/entities/" + id + "/history?limit=4").body());
    JsonArray items = first.getJsonArray("items");
    assertThat(items.size()).isEqualTo(4);
    assertThat(items.getJsonObject(0).getString("kind")).isEqualTo("entity.deleted");
    assertThat(items.getJsonObject(0).getJsonObject("after")).isNull();
    assertThat(items.getJsonObject(0).getJsonObject("before").getLong("version")).isEqualTo(5);
    assertThat(items.stream().map(o -> ((JsonObject) o).getLong("version"))).containsExactly(6L, 5L, 4L, 3L);

    JsonObject second = new JsonObject(http.get("/v1/entities/" + id + "/history?limit=4&cursor="
        + first.getString("nextCursor")).body());
    assertThat(second.getJsonArray("items").stream().map(o -> ((JsonObject) o).getLong("version")))
        .containsExactly(2L, 1L);
    assertThat(second.getJsonArray("items").getJsonObject(1).getString("kind")).isEqualTo("entity.created");
    assertThat(second.getJsonArray("items").getJsonObject(1).getJsonObject("before")).isNull();
    assertThat(second.getString("nextCursor")).isNull();

    assertThat(http.get("/v1/entities/never-written/history").statusCode()).isEqualTo(404);
    assertThat(http.get("/v1/entities/" + id + "/history?limit=0").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities/" + id + "/history?limit=abc").statusCode()).isEqualTo(400);
    assertThat(http.get("/v1/entities/" + id + "/history?cursor=bogus").statusCode()).isEqualTo(400);
  }

  @Test
  void eventLogIsAppendOnlyEnforcedByTheDatabase() {
    http.put("/v1/entities/urn:mesh:dataset:immutable", DATASET);

    for (String sql : new String[] {"UPDATE mp_event_log SET actor = 'mallory'", "DELETE FROM mp_event_log",
        "TRUNCATE mp_event_log"}) {
      try {
        database.execute(sql);
        throw new AssertionError(sql + " was allowed");
      } catch (SQLException refused) {
        assertThat(refused.getMessage()).contains("append-only");
      }
    }
  }

  @Test
  void healthReportsEachDependency() {
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

    HttpResponse<String> ready = http.get("/health/ready");

    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject report = new JsonObject(ready.body());
    assertThat(report.getString("status")).isEqualTo("UP");
    assertThat(report.getJsonObject("checks").fieldNames()).containsExactlyInAnyOrder("postgres", "redis",
        "hazelcast", "kafka");
    assertThat(report.getJsonObject("checks").getJsonObject("hazelcast").getInteger("clusterSize")).isEqualTo(1);
  }

  @Test
  void unknownRoutesAndMethodsAreProblems() {
    HttpResponse<String> noRoute = http.get("/v2/nothing");
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(noRoute.headers().firstValue("Content-Type")).hasValue("application/problem+json");

    HttpResponse<String> wrongMethod = http.put("/health/live", "{}");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
