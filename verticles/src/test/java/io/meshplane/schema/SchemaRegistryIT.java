package io.meshplane.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema API contract and schema-validated entity writes, status code by status code, against a real node. */
class SchemaRegistryIT {
  private static final String ORDERS_V1 = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
      + "\"rows\":{\"type\":\"integer\"}},\"required\":[\"id\"],\"additionalProperties\":false}";
  private static final String AVRO_V1 = "{\"type\":\"record\",\"name\":\"Dataset\",\"fields\":["
      + "{\"name\":\"rows\",\"type\":\"long\"}]}";

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
  void registersThenAnswersTheSameVersionForTheSameDefinition() {
    HttpResponse<String> created = register("sales.orders", "json-schema", ORDERS_V1, null);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/v1/schemas/sales.orders/versions/1");
    JsonObject body = new JsonObject(created.body());
    assertThat(body.getString("subject")).isEqualTo("sales.orders");
    assertThat(body.getInteger("version")).isEqualTo(1);
    assertThat(body.getString("fingerprint")).hasSize(64);

    String reordered = "{ \"required\": [\"id\"], \"additionalProperties\": false, \"type\": \"object\", "
        + "\"properties\": {\"rows\": {\"type\": \"integer\"}, \"id\": {\"type\": \"string\"}} }";
    HttpResponse<String> again = register("sales.orders", "json-schema", reordered, null);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body())).isEqualTo(body);

    JsonObject latest = new JsonObject(http.get("/v1/schemas/sales.orders/versions/latest").body());
    assertThat(latest.getInteger("version")).isEqualTo(1);
    assertThat(latest.getString("format")).isEqualTo("json-schema");
    assertThat(latest.getJsonObject("definition")).isEqualTo(new JsonObject(ORDERS_V1));
    assertThat(latest.getString("fingerprint")).isEqualTo(body.getString("fingerprint"));
    assertThat(latest.getString("compatibility")).isEqualTo("BACKWARD");
    assertThat(latest.getString("createdAt")).isNotBlank();
    assertThat(new JsonObject(http.get("/v1/schemas/sales.orders/versions/1").body())).isEqualTo(latest);
  }

  @Test
  void aCompatibleChangeIsTheNextVersionAndAnIncompatibleOneIsA409NamingWhatBreaks() {
    assertThat(register("sales.customers", "json-schema", ORDERS_V1, null).statusCode()).isEqualTo(201);
    String addsOptional = ORDERS_V1.replace("\"rows\"", "\"note\":{\"type\":\"string\"},\"rows\"");
    HttpResponse<String> v2 = register("sales.customers", "json-schema", addsOptional, null);
    assertThat(v2.statusCode()).isEqualTo(201);
    assertThat(new JsonObject(v2.body()).getInteger("version")).isEqualTo(2);

    HttpResponse<String> refused = register("sales.customers", "json-schema",
        addsOptional.replace("[\"id\"]", "[\"id\",\"note\"]"), null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(refused.body()).getString("detail"))
        .contains("not BACKWARD compatible with version 2")
        .contains("/required: the new schema requires property 'note', which the old schema does not require");

    JsonObject versions = new JsonObject(http.get("/v1/schemas/sales.customers/versions").body());
    assertThat(versions).isEqualTo(new JsonObject().put("subject", "sales.customers")
        .put("versions", new JsonArray().add(1).add(2)));
    assertThat(new JsonObject(http.get("/v1/schemas").body()).getJsonArray("subjects").getList())
        .contains("sales.customers", "sales.orders");
  }

  @Test
  void aRequestMayChangeTheModeWhichLaterVersionsInherit() {
    assertThat(register("mode.change", "json-schema", ORDERS_V1, "FULL").statusCode()).isEqualTo(201);
    String retyped = ORDERS_V1.replace("{\"type\":\"integer\"}", "{\"type\":\"string\"}");
    assertThat(register("mode.change", "json-schema", retyped, null).statusCode()).isEqualTo(409);

    assertThat(register("mode.change", "json-schema", retyped, "NONE").statusCode()).isEqualTo(201);
    assertThat(register("mode.change", "json-schema", ORDERS_V1.replace("\"id\"", "\"key\""), null).statusCode())
        .isEqualTo(201);
    assertThat(new JsonObject(http.get("/v1/schemas/mode.change/versions/latest").body()).getString("compatibility"))
        .isEqualTo("NONE");
  }

  @Test
  void avroSchemasAreCheckedByAvroResolutionRules() {
    HttpResponse<String> created = register("urn:mesh:avro/datasets", "avro", AVRO_V1, null);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(new JsonObject(http.get("/v1/schemas/urn:mesh:avro%2Fdatasets/versions/1").body())
        .getJsonObject("definition").getString("name")).isEqualTo("Dataset");

    HttpResponse<String> refused = register("urn:mesh:avro/datasets", "avro",
        AVRO_V1.replace("}]}", "},{\"name\":\"owner\",\"type\":\"string\"}]}"), null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(refused.body()).getString("detail")).contains("READER_FIELD_MISSING_DEFAULT_VALUE owner");

    HttpResponse<String> defaulted = register("urn:mesh:avro/datasets", "avro",
        AVRO_V1.replace("}]}", "},{\"name\":\"owner\",\"type\":\"string\",\"default\":\"nobody\"}]}"), null);
    assertThat(defaulted.statusCode()).isEqualTo(201);
  }

  @Test
  void concurrentRegistrationsOfOneSubjectTakeDistinctVersions() {
    List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(0, 8)
        .mapToObj(i -> CompletableFuture.supplyAsync(() -> register("concurrent", "json-schema",
            "{\"type\":\"object\",\"title\":\"v" + i + "\",\"maxProperties\":" + (i + 1) + "}", "NONE")))
        .toList();

    List<Integer> versions = posts.stream().map(CompletableFuture::join)
        .peek(response -> assertThat(response.statusCode()).isEqualTo(201))
        .map(response -> new JsonObject(response.body()).getInteger("version")).sorted().toList();
    assertThat(versions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void badRequestsAre400sWithTheReason() {
    assertBadRequest(register("bad.definition", "json-schema", "{\"type\":\"objekt\"}", null),
        "not a valid JSON Schema: /type");
    assertBadRequest(register("bad.avro", "avro", "{\"type\":\"record\",\"name\":\"R\"}", null),
        "not a valid Avro schema");
    assertBadRequest(register("bad.format", "xml", "{}", null), "'format' must be");
    assertBadRequest(register("bad.mode", "json-schema", "{}", "SIDEWAYS"), "'compatibility' must be");
    assertBadRequest(http.post("/v1/schemas/bad%20subject/versions", "{\"format\":\"avro\",\"definition\":\"int\"}",
        "Content-Type", "application/json"), "invalid schema subject");
    assertBadRequest(http.post("/v1/schemas/ok/versions", "{\"format\":", "Content-Type", "application/json"),
        "malformed JSON");
    assertBadRequest(http.get("/v1/schemas/sales.orders/versions/abc"), "positive integer or 'latest'");
    assertBadRequest(http.get("/v1/schemas/sales.orders/versions/0"), "positive integer or 'latest'");
    assertThat(database.queryLong("SELECT count(*) FROM mp_schema WHERE subject LIKE 'bad%'")).isZero();
  }

  @Test
  void missingSubjectsAndVersionsAre404s() {
    register("present", "json-schema", ORDERS_V1, null);

    for (String path : new String[] {"/v1/schemas/absent/versions/latest", "/v1/schemas/absent/versions/1",
        "/v1/schemas/absent/versions", "/v1/schemas/present/versions/2"}) {
      HttpResponse<String> missing = http.get(path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(new JsonObject(missing.body()).getString("type")).isEqualTo("urn:meshplane:problem:not-found");
    }
  }

  @Test
  void entitiesWhoseAttributesViolateTheirSchemaAre422AndWriteNothing() {
    register("entity.attrs", "json-schema", ORDERS_V1, null);
    register("entity.avro", "avro", AVRO_V1, null);
    long events = database.queryLong("SELECT count(*) FROM mp_event_log");

    HttpResponse<String> invalid = http.put("/v1/entities/urn:mesh:dataset:invalid",
        entity("{\"rows\":\"many\",\"extra\":1}", "entity.attrs", 1));
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(invalid.body()).getString("detail"))
        .contains("attributes do not conform to schema 'entity.attrs' version 1")
        .contains("(root): Instance does not have required property \"id\"")
        .contains("/rows: Instance type string is invalid. Expected integer")
        .contains("/extra:");
    HttpResponse<String> invalidAvro = http.put("/v1/entities/urn:mesh:dataset:invalid",
        entity("{\"rows\":1.5}", "entity.avro", 1));
    assertThat(invalidAvro.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(invalidAvro.body()).getString("detail")).contains("/rows: expected a long, got number");
    HttpResponse<String> unregistered = http.put("/v1/entities/urn:mesh:dataset:invalid",
        entity("{}", "entity.attrs", 9));
    assertThat(unregistered.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(unregistered.body()).getString("detail")).contains("which is not registered");

    assertThat(database.queryLong("SELECT count(*) FROM mp_entity WHERE id = 'urn:mesh:dataset:invalid'")).isZero();
    assertThat(database.queryLong("SELECT count(*) FROM mp_event_log")).isEqualTo(events);
    assertThat(http.get("/v1/entities/urn:mesh:dataset:invalid").statusCode()).isEqualTo(404);
  }

  @Test
  void entitiesWhoseAttributesConformAreWritten() {
    register("entity.valid", "json-schema", ORDERS_V1, null);
    register("entity.valid.avro", "avro", AVRO_V1, null);

    HttpResponse<String> created = http.put("/v1/entities/urn:mesh:dataset:valid",
        entity("{\"id\":\"o-1\",\"rows\":12}", "entity.valid", 1));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(new JsonObject(created.body()).getJsonObject("schemaRef"))
        .isEqualTo(new JsonObject().put("subject", "entity.valid").put("version", 1));
    assertThat(http.put("/v1/entities/urn:mesh:dataset:valid-avro", entity("{\"rows\":12}", "entity.valid.avro", 1))
        .statusCode()).isEqualTo(201);
    assertThat(database.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id LIKE 'urn:mesh:dataset:valid%'"))
        .isEqualTo(2);
  }

  private static HttpResponse<String> register(String subject, String format, String definition,
      String compatibility) {
    JsonObject body = new JsonObject().put("format", format).put("definition", new JsonObject(definition));
    if (compatibility != null) {
      body.put("compatibility", compatibility);
    }
    return http.post("/v1/schemas/" + subject.replace("/", "%2F") + "/versions", body.encode(),
        "Content-Type", "application/json");
  }

  private static String entity(String attributes, String subject, int version) {
    return new JsonObject().put("type", "dataset").put("attributes", new JsonObject(attributes))
        .put("schemaRef", new JsonObject().put("subject", subject).put("version", version)).encode();
  }

  private static void assertBadRequest(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains(reason);
  }
}
