package io.meshplane.schema;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;

/** One version of a subject as the registry keeps it. */
public record RegisteredSchema(String subject, int version, SchemaFormat format, String definitionText,
    String fingerprint, CompatibilityMode compatibility, Instant createdAt) {

  static RegisteredSchema fromRow(Row row) {
    return new RegisteredSchema(row.getString("subject"), row.getInteger("version"),
        SchemaFormat.fromWireName(row.getString("format")), row.getString("definition"),
        row.getString("fingerprint"), CompatibilityMode.valueOf(row.getString("compatibility")),
        row.getOffsetDateTime("created_at").toInstant());
  }

  public SchemaDefinition definition() {
    return SchemaDefinition.fromStored(format, definitionText);
  }

  /** The API form; the definition is embedded as JSON (an Avro primitive schema is a JSON string). */
  public JsonObject toJson() {
    return new JsonObject()
        .put("subject", subject)
        .put("version", version)
        .put("format", format.wireName())
        .put("definition", Json.decodeValue(definitionText))
        .put("fingerprint", fingerprint)
        .put("compatibility", compatibility.name())
        .put("createdAt", createdAt.toString());
  }

  /** What a registration answers. */
  public JsonObject toRegistrationJson() {
    return new JsonObject().put("subject", subject).put("version", version).put("fingerprint", fingerprint);
  }
}
