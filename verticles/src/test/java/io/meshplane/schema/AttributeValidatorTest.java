package io.meshplane.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AttributeValidatorTest {
  private static final AttributeValidator JSON = validator(SchemaFormat.JSON_SCHEMA, "{\"type\":\"object\","
      + "\"required\":[\"rows\"],\"properties\":{\"rows\":{\"type\":\"integer\"},\"owner\":{\"type\":\"object\","
      + "\"properties\":{\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}},"
      + "\"additionalProperties\":false}");
  private static final AttributeValidator AVRO = validator(SchemaFormat.AVRO, "{\"type\":\"record\",\"name\":\"D\","
      + "\"fields\":[{\"name\":\"rows\",\"type\":\"int\"},{\"name\":\"note\",\"type\":[\"null\",\"string\"],"
      + "\"default\":null},{\"name\":\"tier\",\"type\":{\"type\":\"enum\",\"name\":\"Tier\",\"symbols\":[\"GOLD\","
      + "\"SILVER\"]}},{\"name\":\"sizes\",\"type\":{\"type\":\"array\",\"items\":\"long\"}},"
      + "{\"name\":\"labels\",\"type\":{\"type\":\"map\",\"values\":\"string\"},\"default\":{}}]}");

  @Test
  void jsonSchemaConformingAttributesPass() {
    assertThat(JSON.violations(new JsonObject("{\"rows\":3,\"owner\":{\"tags\":[\"a\"]}}"))).isEmpty();
  }

  @Test
  void jsonSchemaViolationsNameTheirPointerOncePerLocation() {
    assertThat(JSON.violations(new JsonObject("{\"rows\":\"x\",\"owner\":{\"tags\":[1]},\"extra\":true}")))
        .containsExactly("/rows: Instance type string is invalid. Expected integer",
            "/owner/tags/0: Instance type number is invalid. Expected string",
            "/extra: Property \"extra\" does not match additional properties schema");
    assertThat(JSON.violations(new JsonObject())).containsExactly("(root): Instance does not have required property "
        + "\"rows\"");
  }

  @Test
  void avroConformingPlainJsonPasses() {
    assertThat(AVRO.violations(new JsonObject("{\"rows\":3,\"tier\":\"GOLD\",\"sizes\":[1,2]}"))).isEmpty();
    assertThat(AVRO.violations(new JsonObject("{\"rows\":3,\"note\":\"n\",\"tier\":\"SILVER\",\"sizes\":[],"
        + "\"labels\":{\"k\":\"v\"}}"))).isEmpty();
  }

  @Test
  void avroViolationsNameTheirPointer() {
    assertThat(AVRO.violations(new JsonObject("{\"rows\":3000000000,\"note\":5,\"tier\":\"BRONZE\","
        + "\"sizes\":[1,\"2\"],\"labels\":{\"k\":1}}")))
        .containsExactly("/rows: expected an int, got integer",
            "/note: expected one of [null, string], got integer",
            "/tier: expected one of the symbols [GOLD, SILVER], got string",
            "/sizes/1: expected a long, got string",
            "/labels/k: expected a string, got integer");
    assertThat(AVRO.violations(new JsonObject("{\"tier\":\"GOLD\",\"sizes\":[],\"x\":1}")))
        .containsExactly("/rows: required field 'rows' of record D is missing", "/x: 'x' is not a field of record D");
  }

  @Test
  void reportsOnlyTheFirstFewViolations() {
    assertThat(AVRO.violations(new JsonObject("{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1,\"g\":1}")))
        .hasSize(AttributeValidator.MAX_REPORTED + 1).last().isEqualTo("and 5 more");
  }

  private static AttributeValidator validator(SchemaFormat format, String definition) {
    return AttributeValidator.of(SchemaDefinition.parse(format, new JsonObject(definition)));
  }
}
