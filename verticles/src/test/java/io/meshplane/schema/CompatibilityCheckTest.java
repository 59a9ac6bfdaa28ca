package io.meshplane.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both formats × all four modes, each with a change the mode allows and one it refuses. */
class CompatibilityCheckTest {
  private static final String JSON_V1 = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
      + "\"status\":{\"enum\":[\"open\",\"closed\"]}},\"required\":[\"id\"],\"additionalProperties\":false}";
  /** Adds an optional property: old data reads under it, but it writes what the old schema refuses. */
  private static final String JSON_ADDS_OPTIONAL = JSON_V1.replace("\"status\"", "\"note\":{\"type\":\"string\"},"
      + "\"status\"");
  /** Drops an enum value: what it writes the old schema reads, but old data may hold the dropped value. */
  private static final String JSON_DROPS_ENUM_VALUE = JSON_V1.replace("[\"open\",\"closed\"]", "[\"open\"]");
  /** Only relaxes the description: both directions read. */
  private static final String JSON_REWORDED = JSON_V1.replace("\"type\":\"object\"",
      "\"type\":\"object\",\"description\":\"orders\"");
  /** Changes a type: neither reads the other. */
  private static final String JSON_RETYPED = JSON_V1.replace("\"id\":{\"type\":\"string\"}",
      "\"id\":{\"type\":\"integer\"}");

  private static final String AVRO_V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"}]}";
  /** Adds a field with a default: reads old data; old readers ignore the new field. */
  private static final String AVRO_ADDS_DEFAULTED = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
  /** Adds a field without a default: cannot read old data; old readers ignore the new field. */
  private static final String AVRO_ADDS_REQUIRED = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"note\",\"type\":\"string\"}]}";
  /** Removes a field without a default from what it writes: old readers miss it. */
  private static final String AVRO_REMOVES_ID = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
      + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";
  private static final String AVRO_RETYPED = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"int\"}]}";

  static List<Arguments> matrix() {
    return List.of(
        // format, mode, candidate, compatible?
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.BACKWARD, JSON_ADDS_OPTIONAL, true),
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.BACKWARD, JSON_DROPS_ENUM_VALUE, false),
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FORWARD, JSON_DROPS_ENUM_VALUE, true),
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FORWARD, JSON_ADDS_OPTIONAL, false),
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL, JSON_REWORDED, true),
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL, JSON_ADDS_OPTIONAL, false),
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.FULL, JSON_DROPS_ENUM_VALUE, false),
        Arguments.of(SchemaFormat.JSON_SCHEMA, CompatibilityMode.NONE, JSON_RETYPED, true),
        Arguments.of(SchemaFormat.AVRO, CompatibilityMode.BACKWARD, AVRO_ADDS_DEFAULTED, true),
        Arguments.of(SchemaFormat.AVRO, CompatibilityMode.BACKWARD, AVRO_ADDS_REQUIRED, false),
        Arguments.of(SchemaFormat.AVRO, CompatibilityMode.FORWARD, AVRO_ADDS_REQUIRED, true),
        Arguments.of(SchemaFormat.AVRO, CompatibilityMode.FORWARD, AVRO_REMOVES_ID, false),
        Arguments.of(SchemaFormat.AVRO, CompatibilityMode.FULL, AVRO_ADDS_DEFAULTED, true),
        Arguments.of(SchemaFormat.AVRO, CompatibilityMode.FULL, AVRO_ADDS_REQUIRED, false),
        Arguments.of(SchemaFormat.AVRO, CompatibilityMode.NONE, AVRO_RETYPED, true));
  }

  @ParameterizedTest(name = "{0} {1} #{index} compatible={3}")
  @MethodSource("matrix")
  void modeDecidesWhichDirectionsMustRead(SchemaFormat format, CompatibilityMode mode, String candidate,
      boolean compatible) {
    String latest = format == SchemaFormat.AVRO ? AVRO_V1 : JSON_V1;

    List<String> issues = CompatibilityCheck.incompatibilities(mode, definition(format, latest),
        definition(format, candidate));

    if (compatible) {
      assertThat(issues).isEmpty();
    } else {
      assertThat(issues).isNotEmpty();
    }
  }

  @Test
  void issuesSayWhichDirectionBreaksAndWhy() {
    assertThat(CompatibilityCheck.incompatibilities(CompatibilityMode.BACKWARD, definition(SchemaFormat.JSON_SCHEMA,
        JSON_V1), definition(SchemaFormat.JSON_SCHEMA, JSON_DROPS_ENUM_VALUE)))
        .containsExactly("/properties/status/enum: the old schema allows the value \"closed\", which the new schema "
            + "rejects");
    assertThat(CompatibilityCheck.incompatibilities(CompatibilityMode.FORWARD, definition(SchemaFormat.JSON_SCHEMA,
        JSON_V1), definition(SchemaFormat.JSON_SCHEMA, JSON_ADDS_OPTIONAL)))
        .containsExactly("/properties/note: the new schema allows property 'note', which the old schema rejects "
            + "(additionalProperties: false)");
    assertThat(CompatibilityCheck.incompatibilities(CompatibilityMode.BACKWARD, definition(SchemaFormat.AVRO,
        AVRO_V1), definition(SchemaFormat.AVRO, AVRO_ADDS_REQUIRED)))
        .containsExactly("/fields/1: the new schema cannot read data written with the old schema: "
            + "READER_FIELD_MISSING_DEFAULT_VALUE note");
    assertThat(CompatibilityCheck.incompatibilities(CompatibilityMode.FULL, definition(SchemaFormat.AVRO,
        AVRO_V1), definition(SchemaFormat.AVRO, AVRO_RETYPED))).hasSize(2);
  }

  @Test
  void aFormatChangeIsIncompatibleUnlessTheModeIsNone() {
    SchemaDefinition json = definition(SchemaFormat.JSON_SCHEMA, JSON_V1);
    SchemaDefinition avro = definition(SchemaFormat.AVRO, AVRO_V1);

    assertThat(CompatibilityCheck.incompatibilities(CompatibilityMode.FORWARD, json, avro))
        .containsExactly("the format changes from json-schema to avro; neither can read data written with the other");
    assertThat(CompatibilityCheck.incompatibilities(CompatibilityMode.NONE, json, avro)).isEmpty();
  }

  private static SchemaDefinition definition(SchemaFormat format, String text) {
    return SchemaDefinition.parse(format, new JsonObject(text));
  }
}
