package io.meshplane.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SchemaDefinitionTest {
  private static final String RECORD = "{\"type\":\"record\",\"name\":\"Orders\",\"namespace\":\"sales\","
      + "\"doc\":\"orders\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
      + "{\"name\":\"amount\",\"type\":\"double\",\"default\":0.0}]}";

  @Test
  void jsonSchemaCanonicalFormSortsKeysAtEveryDepthAndDropsWhitespace() {
    SchemaDefinition a = json("{ \"type\": \"object\", \"properties\": {\"b\": {\"type\":\"string\"},"
        + " \"a\": {\"maximum\": 3, \"type\": \"integer\"}}, \"required\": [\"b\", \"a\"] }");
    SchemaDefinition b = json("{\"required\":[\"b\",\"a\"],\"properties\":{\"a\":{\"type\":\"integer\","
        + "\"maximum\":3},\"b\":{\"type\":\"string\"}},\"type\":\"object\"}");

    assertThat(a.canonicalForm()).isEqualTo("{\"properties\":{\"a\":{\"maximum\":3,\"type\":\"integer\"},"
        + "\"b\":{\"type\":\"string\"}},\"required\":[\"b\",\"a\"],\"type\":\"object\"}");
    assertThat(b.canonicalForm()).isEqualTo(a.canonicalForm());
    assertThat(a.fingerprint()).isEqualTo(sha256(a.canonicalForm())).hasSize(64);
    assertThat(a.storedText()).isEqualTo(a.canonicalForm());
  }

  @Test
  void arrayOrderIsMeaningfulSoItChangesTheFingerprint() {
    assertThat(json("{\"required\":[\"a\",\"b\"]}").fingerprint())
        .isNotEqualTo(json("{\"required\":[\"b\",\"a\"]}").fingerprint());
  }

  @Test
  void avroFingerprintIsOverTheParsingCanonicalFormWhileTheStoredFormKeepsDefaults() {
    SchemaDefinition fromObject = SchemaDefinition.parse(SchemaFormat.AVRO, new JsonObject(RECORD));
    SchemaDefinition fromString = SchemaDefinition.parse(SchemaFormat.AVRO, RECORD.replace(",\"doc\":\"orders\"", ""));

    assertThat(fromObject.canonicalForm()).isEqualTo("{\"name\":\"sales.Orders\",\"type\":\"record\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}");
    assertThat(fromString.fingerprint()).isEqualTo(fromObject.fingerprint())
        .isEqualTo(sha256(fromObject.canonicalForm()));
    assertThat(new JsonObject(fromObject.storedText()).getJsonArray("fields").getJsonObject(1).getValue("default"))
        .isEqualTo(0.0);
    assertThat(SchemaDefinition.fromStored(SchemaFormat.AVRO, fromObject.storedText()).fingerprint())
        .isEqualTo(fromObject.fingerprint());
  }

  @Test
  void avroPrimitiveSchemasAreJsonStrings() {
    assertThat(SchemaDefinition.parse(SchemaFormat.AVRO, "\"string\"").canonicalForm()).isEqualTo("\"string\"");
  }

  @Test
  void invalidJsonSchemasAreRefusedWithTheReason() {
    assertRefused(SchemaFormat.JSON_SCHEMA, new JsonObject("{\"type\":\"objekt\"}"),
        "not a valid JSON Schema: /type: Instance does not match any of");
    assertRefused(SchemaFormat.JSON_SCHEMA, new JsonObject("{\"properties\":{\"a\":{\"minimum\":\"x\"}}}"),
        "/properties/a/minimum: Instance type string is invalid. Expected number");
    assertRefused(SchemaFormat.JSON_SCHEMA, new JsonObject("{\"required\":\"a\"}"), "/required:");
    assertRefused(SchemaFormat.JSON_SCHEMA, "{}", "must be a JSON object");
    assertRefused(SchemaFormat.JSON_SCHEMA, new JsonObject("{\"$ref\":\"https://example.com/s.json\"}"),
        "only references within the document");
    assertRefused(SchemaFormat.JSON_SCHEMA, new JsonObject("{\"properties\":{\"a\":{\"$ref\":\"#/$defs/gone\"}}}"),
        "reference that does not resolve");
    assertRefused(SchemaFormat.JSON_SCHEMA, new JsonObject("{\"$schema\":\"https://example.com/mine\"}"),
        "unsupported draft");
  }

  @Test
  void olderDraftsAreCheckedAgainstTheirOwnMetaSchema() {
    assertThat(json("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\","
        + "\"definitions\":{\"x\":{\"type\":\"string\"}},\"properties\":{\"a\":{\"$ref\":\"#/definitions/x\"}}}"))
        .isInstanceOf(JsonSchemaDefinition.class);
    assertThat(json("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\"}"))
        .isInstanceOf(JsonSchemaDefinition.class);
    assertRefused(SchemaFormat.JSON_SCHEMA,
        new JsonObject("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"objekt\"}"),
        "not a valid JSON Schema");
  }

  @Test
  void invalidAvroSchemasAreRefusedWithTheReason() {
    assertRefused(SchemaFormat.AVRO, new JsonObject("{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}"), "Invalid default for field a");
    assertRefused(SchemaFormat.AVRO, new JsonObject("{\"type\":\"record\",\"fields\":[]}"),
        "not a valid Avro schema");
    assertRefused(SchemaFormat.AVRO, "not json", "not a valid Avro schema");
    assertRefused(SchemaFormat.AVRO, 5, "must be a JSON object, array or string");
  }

  private static SchemaDefinition json(String schema) {
    return SchemaDefinition.parse(SchemaFormat.JSON_SCHEMA, new JsonObject(schema));
  }

  private static void assertRefused(SchemaFormat format, Object definition, String reason) {
    assertThatThrownBy(() -> SchemaDefinition.parse(format, definition))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400))
        .hasMessageContaining(reason);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
