package io.meshplane.schema;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a JSON value: object keys sorted (by UTF-16 code units, as {@link String#compareTo}), no
 * whitespace. Two definitions that differ only in key order or layout get the same text, hence the same fingerprint.
 */
public final class CanonicalJson {
  private CanonicalJson() {}

  public static String encode(JsonObject json) {
    return sorted(json).encode();
  }

  private static JsonObject sorted(JsonObject json) {
    Map<String, Object> keys = new TreeMap<>();
    json.forEach(entry -> keys.put(entry.getKey(), entry.getValue()));
    JsonObject copy = new JsonObject();
    keys.forEach((key, value) -> copy.put(key, sortedValue(value)));
    return copy;
  }

  private static Object sortedValue(Object value) {
    if (value instanceof JsonObject object) {
      return sorted(object);
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(sortedValue(item)));
      return copy;
    }
    return value;
  }
}
