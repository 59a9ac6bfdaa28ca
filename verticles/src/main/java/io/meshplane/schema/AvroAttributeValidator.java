package io.meshplane.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.avro.Schema;

/**
 * Checks that attributes, as plain JSON, are a value of the registered Avro schema: a record is an object holding
 * each field (or relying on its default) and nothing else, a union value matches any branch, int and long are
 * integers in range, bytes and fixed are strings. This is the JSON clients write naturally; Avro's own JSON encoding
 * would make them wrap every union value as {@code {"type": value}}.
 */
final class AvroAttributeValidator implements AttributeValidator {
  private final Schema schema;

  AvroAttributeValidator(Schema schema) {
    this.schema = schema;
  }

  @Override
  public List<String> violations(JsonObject attributes) {
    List<String> found = new ArrayList<>();
    check(schema, attributes, "", found);
    return ValidationErrors.limit(found, MAX_REPORTED);
  }

  private static void check(Schema schema, Object value, String path, List<String> found) {
    switch (schema.getType()) {
      case RECORD -> checkRecord(schema, value, path, found);
      case MAP -> checkMap(schema, value, path, found);
      case ARRAY -> checkArray(schema, value, path, found);
      case UNION -> {
        if (schema.getTypes().stream().noneMatch(branch -> conforms(branch, value))) {
          mismatch("one of " + schema.getTypes().stream().map(Schema::getName).toList(), value, path, found);
        }
      }
      case ENUM -> {
        if (!(value instanceof String symbol && schema.hasEnumSymbol(symbol))) {
          mismatch("one of the symbols " + schema.getEnumSymbols(), value, path, found);
        }
      }
      case FIXED -> {
        if (!(value instanceof String bytes && bytes.length() == schema.getFixedSize())) {
          mismatch("a string of " + schema.getFixedSize() + " characters (fixed " + schema.getFullName() + ")",
              value, path, found);
        }
      }
      case STRING, BYTES -> expect(value instanceof String, "a string", value, path, found);
      case INT -> expect(inRange(value, Integer.MIN_VALUE, Integer.MAX_VALUE), "an int", value, path, found);
      case LONG -> expect(inRange(value, Long.MIN_VALUE, Long.MAX_VALUE), "a long", value, path, found);
      case FLOAT, DOUBLE -> expect(value instanceof Number, "a number", value, path, found);
      case BOOLEAN -> expect(value instanceof Boolean, "a boolean", value, path, found);
      case NULL -> expect(value == null, "null", value, path, found);
    }
  }

  private static void checkRecord(Schema schema, Object value, String path, List<String> found) {
    if (!(value instanceof JsonObject object)) {
      mismatch("an object (record " + schema.getFullName() + ")", value, path, found);
      return;
    }
    for (Schema.Field field : schema.getFields()) {
      String at = JsonPointers.child(path, field.name());
      if (object.containsKey(field.name())) {
        check(field.schema(), object.getValue(field.name()), at, found);
      } else if (!field.hasDefaultValue()) {
        found.add(JsonPointers.display(at) + ": required field '" + field.name() + "' of record "
            + schema.getFullName() + " is missing");
      }
    }
    for (String name : object.fieldNames()) {
      if (schema.getField(name) == null) {
        found.add(JsonPointers.display(JsonPointers.child(path, name)) + ": '" + name + "' is not a field of record "
            + schema.getFullName());
      }
    }
  }

  private static void checkMap(Schema schema, Object value, String path, List<String> found) {
    if (!(value instanceof JsonObject object)) {
      mismatch("an object (map)", value, path, found);
      return;
    }
    for (Map.Entry<String, Object> entry : object) {
      check(schema.getValueType(), entry.getValue(), JsonPointers.child(path, entry.getKey()), found);
    }
  }

  private static void checkArray(Schema schema, Object value, String path, List<String> found) {
    if (!(value instanceof JsonArray array)) {
      mismatch("an array", value, path, found);
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      check(schema.getElementType(), array.getValue(i), JsonPointers.child(path, i), found);
    }
  }

  private static boolean conforms(Schema branch, Object value) {
    List<String> found = new ArrayList<>();
    check(branch, value, "", found);
    return found.isEmpty();
  }

  private static boolean inRange(Object value, long min, long max) {
    OptionalLong number = JsonTypes.exactLong(value);
    return number.isPresent() && number.getAsLong() >= min && number.getAsLong() <= max;
  }

  private static void expect(boolean conforms, String expected, Object value, String path, List<String> found) {
    if (!conforms) {
      mismatch(expected, value, path, found);
    }
  }

  private static void mismatch(String expected, Object value, String path, List<String> found) {
    found.add(JsonPointers.display(path) + ": expected " + expected + ", got " + JsonTypes.typeOf(value));
  }
}
