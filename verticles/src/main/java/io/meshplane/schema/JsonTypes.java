package io.meshplane.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.OptionalLong;

/** The JSON Schema type names of parsed JSON values, where 1 and 1.0 are both integers. */
final class JsonTypes {
  private JsonTypes() {}

  static String typeOf(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof JsonObject) {
      return "object";
    }
    if (value instanceof JsonArray) {
      return "array";
    }
    if (value instanceof Number number) {
      return exactLong(number).isPresent() || isIntegral(number) ? "integer" : "number";
    }
    return "string";
  }

  /** The value as a long, if it is an integer that fits in one. */
  static OptionalLong exactLong(Object value) {
    if (!(value instanceof Number number)) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(new BigDecimal(number.toString()).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean isIntegral(Number number) {
    try {
      new BigDecimal(number.toString()).toBigIntegerExact();
      return true;
    } catch (ArithmeticException | NumberFormatException e) {
      return false;
    }
  }
}
