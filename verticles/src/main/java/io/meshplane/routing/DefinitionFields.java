package io.meshplane.routing;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Reads the parts of a route definition, refusing each wrong one with a reason that names it by its location, e.g.
 * {@code 'match.all[1].op'}.
 */
final class DefinitionFields {

  private DefinitionFields() {}

  static String child(String location, String field) {
    return location.isEmpty() ? field : location + "." + field;
  }

  static String item(String location, int index) {
    return location + "[" + index + "]";
  }

  static ProblemException refused(String location, String reason) {
    return ProblemException.badRequest("'" + location + "' " + reason);
  }

  static void onlyKnown(JsonObject json, String location, Set<String> known) {
    for (String field : json.fieldNames()) {
      if (!known.contains(field)) {
        throw ProblemException.badRequest("unknown field '" + child(location, field) + "'");
      }
    }
  }

  static JsonObject object(String location, Object value) {
    if (!(value instanceof JsonObject object)) {
      throw refused(location, "must be a JSON object");
    }
    return object;
  }

  static String string(String location, Object value) {
    if (!(value instanceof String text)) {
      throw refused(location, value == null ? "is required" : "must be a string");
    }
    return text;
  }

  /** A non-empty array of at most {@code max} items. */
  static JsonArray array(String location, Object value, int max) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw refused(location, value == null ? "is required" : "must be a non-empty array");
    }
    if (array.size() > max) {
      throw refused(location, "holds " + array.size() + " items; at most " + max);
    }
    return array;
  }

  static JsonPath path(String location, Object value) {
    String text = string(location, value);
    try {
      return JsonPath.compile(text);
    } catch (ProblemException e) {
      throw refused(location, "is invalid: " + e.getMessage());
    }
  }
}
