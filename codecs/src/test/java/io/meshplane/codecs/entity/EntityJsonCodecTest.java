package io.meshplane.codecs.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityJsonCodecTest {

  @Test
  void writesEveryFieldOfTheApiDocument() {
    Entity entity = new Entity("urn:mesh:dataset:sales.orders", "dataset", "sales", "snowflake", "team-sales",
        List.of("pii", "gold"), "{\"rows\": 12, \"nested\": {\"k\": [1, \"ü\"]}}", new SchemaRef("orders", 3), 5,
        Instant.parse("2026-01-02T03:04:05.678Z"), Instant.parse("2026-01-03T00:00:00Z"));

    JsonObject json = new JsonObject(io.vertx.core.buffer.Buffer.buffer(EntityJsonCodec.encode(entity)));

    assertThat(json.getString("id")).isEqualTo("urn:mesh:dataset:sales.orders");
    assertThat(json.getString("type")).isEqualTo("dataset");
    assertThat(json.getString("domain")).isEqualTo("sales");
    assertThat(json.getString("sourceSystem")).isEqualTo("snowflake");
    assertThat(json.getString("owner")).isEqualTo("team-sales");
    assertThat(json.getJsonArray("tags").getList()).containsExactly("pii", "gold");
    assertThat(json.getJsonObject("attributes").getJsonObject("nested").getJsonArray("k").getString(1)).isEqualTo("ü");
    assertThat(json.getJsonObject("schemaRef").getString("subject")).isEqualTo("orders");
    assertThat(json.getJsonObject("schemaRef").getInteger("version")).isEqualTo(3);
    assertThat(json.getLong("version")).isEqualTo(5);
    assertThat(json.getString("createdAt")).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(json.getString("updatedAt")).isEqualTo("2026-01-03T00:00:00Z");
  }

  @Test
  void leavesOutWhatIsNotSet() {
    Entity entity = new Entity("a", "dataset", null, null, null, List.of(), "{}", null, 1, Instant.EPOCH,
        Instant.EPOCH);

    JsonObject json = new JsonObject(io.vertx.core.buffer.Buffer.buffer(EntityJsonCodec.encode(entity)));

    assertThat(json.fieldNames()).containsExactlyInAnyOrder("id", "type", "tags", "attributes", "version",
        "createdAt", "updatedAt");
  }

  @Test
  void escapesStringsThatWouldBreakTheDocument() {
    Entity entity = new Entity("a", "t\"ype\n", null, "x\\y", null, List.of("\u2028"), "{}", null, 1, Instant.EPOCH,
        Instant.EPOCH);

    JsonObject json = new JsonObject(io.vertx.core.buffer.Buffer.buffer(EntityJsonCodec.encode(entity)));

    assertThat(json.getString("type")).isEqualTo("t\"ype\n");
    assertThat(json.getString("sourceSystem")).isEqualTo("x\\y");
    assertThat(json.getJsonArray("tags").getString(0)).isEqualTo("\u2028");
  }
}
