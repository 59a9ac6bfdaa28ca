package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.TestDatabase;
import io.meshplane.testing.NodeFixture;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests a client should never send: each is a 4xx problem with the reason, and nothing is written. */
class HostileInputIT {
  private static NodeFixture fixture;
  private static TestDatabase database;
  private static Http http;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start(settings -> settings.put("http.body-limit-bytes", "4096"));
    database = fixture.database();
    http = fixture.http();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void refusedWritesAreProblemsAndChangeNothing() {
    long before = rowCounts();
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    byte[] invalidUtf8 = "{\"type\":\"t\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] overlongSlash = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

    assertProblem(http.put("/v1/entities/a", "{\"type\":"), 400, "malformed JSON");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\"} trailing"), 400, "malformed JSON");
    assertProblem(http.put("/v1/entities/a", ""), 400, "empty");
    assertProblem(http.put("/v1/entities/a", "[]"), 400, "expected a JSON object");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\",\"attributes\":[1,2]}"), 400, "'attributes'");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\",\"attributes\":" + deep + "}"), 400, "nested deeper");
    assertProblem(http.putBytes("/v1/entities/a", invalidUtf8), 400, "UTF-8");
    assertProblem(http.putBytes("/v1/entities/a", overlongSlash), 400, "UTF-8");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\\u0000\"}"), 400, "NUL");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\",\"attributes\":{\"x\":\"" + "y".repeat(5000) + "\"}}"),
        413, "limit");
    assertProblem(http.put("/v1/entities/a%20b", "{\"type\":\"t\"}"), 400, "invalid entity id");
    assertProblem(http.put("/v1/entities/" + "x".repeat(257), "{\"type\":\"t\"}"), 400, "invalid entity id");
    assertProblem(http.put("/v1/entities/x'%3BDROP%20TABLE%20mp_entity%3B--", "{\"type\":\"t\"}"), 400,
        "invalid entity id");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\",\"schemaRef\":{\"subject\":\"nope\",\"version\":1}}"),
        422, "not registered");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\"}", "If-Match", "not-a-tag"), 400, "If-Match");
    assertProblem(http.put("/v1/entities/a", "{\"type\":\"t\"}", "If-None-Match", "\"1\""), 400, "If-None-Match");
    assertProblem(http.delete("/v1/entities/a%00b"), 400, "invalid entity id");

    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void sqlLookingValuesAreStoredVerbatimAndHarmless() {
    String nasty = "'); DROP TABLE mp_entity; --";
    HttpResponse<String> created = http.put("/v1/entities/urn:sql:probe",
        new JsonObject().put("type", nasty).put("attributes", new JsonObject().put(nasty, nasty)).encode());

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject read = new JsonObject(http.get("/v1/entities/urn:sql:probe").body());
    assertThat(read.getString("type")).isEqualTo(nasty);
    assertThat(read.getJsonObject("attributes").getString(nasty)).isEqualTo(nasty);
    assertThat(database.queryLong("SELECT count(*) FROM mp_entity")).isPositive();
  }

  @Test
  void namesThatCannotExistAreRefusedOnReadsAndDeletesToo() {
    assertProblem(http.get("/v1/routes/a%00b"), 400, "route name");
    assertProblem(http.delete("/v1/routes/a%00b"), 400, "route name");
    assertProblem(http.get("/v1/schemas/a%00b/versions/1"), 400, "schema subject");
  }

  @Test
  void pathTraversalLookingIdsAreJustIds() {
    assertThat(http.get("/v1/entities/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
    assertThat(http.get("/v1/entities/%2e%2e").statusCode()).isIn(400, 404);
  }

  @Test
  void oversizedRequestLinesAndHeadersAreProblemsToo() {
    long before = rowCounts();

    assertProblem(http.get("/v1/entities?ids=" + "x,".repeat(10_000)), 414, "request line");
    assertProblem(http.put("/v1/entities/urn:hostile:headers", "{\"type\":\"t\"}", "X-Padding", "p".repeat(20_000)),
        431, "headers");

    assertThat(rowCounts()).isEqualTo(before);
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void nodeStaysHealthyAfterwards() {
    refusedWritesAreProblemsAndChangeNothing();

    assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).containsIgnoringCase(reason);
  }

  /** Entities and event-log rows; outbox rows are written in the same transactions but leave once relayed. */
  private static long rowCounts() {
    return database.queryLong("SELECT (SELECT count(*) FROM mp_entity) * 1000000 + (SELECT count(*) FROM mp_event_log)");
  }
}
