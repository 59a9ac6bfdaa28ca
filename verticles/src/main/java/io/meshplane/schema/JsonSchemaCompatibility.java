package io.meshplane.schema;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether every document valid under a writer's JSON Schema is also valid under a reader's, for what matters
 * to data contracts: {@code type} (an integer is a number), {@code properties}, {@code required},
 * {@code additionalProperties}, {@code enum}/{@code const} and array {@code items}, recursively. No library does this.
 *
 * <p>It is sound, not complete: an empty answer means compatible; anything it cannot reason about ({@code $ref},
 * {@code oneOf}, {@code pattern}, bounds, …) counts as incompatible as soon as it differs between the two schemas.
 * As in other registries, a property added to an open content model (no {@code additionalProperties: false}) is a
 * break, because the other side may already have written that property with any shape. Messages name the schema
 * location (a JSON Pointer into the definition) and what breaks.
 */
public final class JsonSchemaCompatibility {
  private static final Set<String> HANDLED = Set.of("type", "properties", "required", "additionalProperties", "enum",
      "const", "items");
  /** Keywords that never change which documents are valid. */
  private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "default",
      "deprecated", "readOnly", "writeOnly");
  private static final List<String> ALL_TYPES = List.of("null", "boolean", "object", "array", "number", "integer",
      "string");
  private static final JsonObject ANYTHING = new JsonObject();

  private final String reader;
  private final String writer;
  private final List<String> issues = new ArrayList<>();

  private JsonSchemaCompatibility(String reader, String writer) {
    this.reader = reader;
    this.writer = writer;
  }

  /**
   * The ways a document valid under {@code writerSchema} may be rejected by {@code readerSchema}; empty when there
   * are none. {@code readerName} and {@code writerName} say in messages which schema is which.
   */
  public static List<String> incompatibilities(JsonObject readerSchema, JsonObject writerSchema, String readerName,
      String writerName) {
    JsonSchemaCompatibility check = new JsonSchemaCompatibility(readerName, writerName);
    check.compare(readerSchema, writerSchema, "");
    return List.copyOf(check.issues);
  }

  private void compare(Object readerNode, Object writerNode, String path) {
    if (Objects.equals(readerNode, writerNode)) {
      return;
    }
    if (Boolean.FALSE.equals(writerNode)) {
      return; // the writer produces nothing here
    }
    if (Boolean.FALSE.equals(readerNode)) {
      issue(path, writer + " allows values here, which " + reader + " rejects (false schema)");
      return;
    }
    JsonObject r = readerNode instanceof JsonObject object ? object : ANYTHING;
    JsonObject w = writerNode instanceof JsonObject object ? object : ANYTHING;
    compareUnhandled(r, w, path);
    if (w.containsKey("enum") || w.containsKey("const")) {
      compareAllowedValues(r, w, path);
    } else {
      compareTypes(r, w, path);
      if (r.containsKey("enum") || r.containsKey("const")) {
        issue(path, reader + " accepts only " + allowedValues(r) + ", where " + writer + " allows any value");
      }
    }
    if (admits(r, "object") && admits(w, "object")) {
      compareObjects(r, w, path);
    }
    if (admits(r, "array") && admits(w, "array")) {
      compareItems(r, w, path);
    }
  }

  private void compareUnhandled(JsonObject r, JsonObject w, String path) {
    Set<String> keywords = new TreeSet<>(r.fieldNames());
    keywords.addAll(w.fieldNames());
    for (String keyword : keywords) {
      if (!HANDLED.contains(keyword) && !ANNOTATIONS.contains(keyword)
          && !Objects.equals(r.getValue(keyword), w.getValue(keyword))) {
        issue(JsonPointers.child(path, keyword), "'" + keyword + "' differs between the schemas; its compatibility "
            + "cannot be checked, so any change to it counts as incompatible");
      }
    }
  }

  private void compareTypes(JsonObject r, JsonObject w, String path) {
    List<String> readerTypes = types(r);
    List<String> rejected = types(w).stream().filter(type -> !accepts(readerTypes, type)).toList();
    if (rejected.isEmpty()) {
      return;
    }
    issue(JsonPointers.child(path, "type"), w.containsKey("type")
        ? writer + " allows type " + String.join(", ", rejected) + ", which " + reader + " rejects"
        : writer + " allows any type, but " + reader + " accepts only " + String.join(", ", readerTypes));
  }

  private void compareAllowedValues(JsonObject r, JsonObject w, String path) {
    List<String> readerTypes = types(r);
    JsonArray readerValues = r.containsKey("enum") || r.containsKey("const") ? allowedValues(r) : null;
    for (Object value : allowedValues(w)) {
      if (!accepts(readerTypes, JsonTypes.typeOf(value)) || readerValues != null && !readerValues.contains(value)) {
        issue(JsonPointers.child(path, w.containsKey("enum") ? "enum" : "const"), writer + " allows the value "
            + Json.encode(value) + ", which " + reader + " rejects");
      }
    }
  }

  private void compareObjects(JsonObject r, JsonObject w, String path) {
    Set<String> writerRequired = strings(w.getValue("required"));
    for (String name : strings(r.getValue("required"))) {
      if (!writerRequired.contains(name)) {
        issue(JsonPointers.child(path, "required"), reader + " requires property '" + name + "', which "
            + writer + " does not require");
      }
    }
    JsonObject readerProperties = objectOrEmpty(r.getValue("properties"));
    JsonObject writerProperties = objectOrEmpty(w.getValue("properties"));
    Object readerAdditional = r.getValue("additionalProperties", Boolean.TRUE);
    Object writerAdditional = w.getValue("additionalProperties", Boolean.TRUE);
    Set<String> names = new LinkedHashSet<>(writerProperties.fieldNames());
    names.addAll(readerProperties.fieldNames());
    for (String name : names) {
      String at = JsonPointers.child(JsonPointers.child(path, "properties"), name);
      boolean readerKnows = readerProperties.containsKey(name);
      boolean writerKnows = writerProperties.containsKey(name);
      if (readerKnows && writerKnows) {
        compare(readerProperties.getValue(name), writerProperties.getValue(name), at);
      } else if (writerKnows && Boolean.FALSE.equals(readerAdditional)) {
        issue(at, writer + " allows property '" + name + "', which " + reader
            + " rejects (additionalProperties: false)");
      } else if (writerKnows) {
        compare(readerAdditional, writerProperties.getValue(name), at);
      } else {
        // a property only the reader declares: the writer may have written it as one of its additional properties
        compare(readerProperties.getValue(name), writerAdditional, at);
      }
    }
    compare(readerAdditional, writerAdditional, JsonPointers.child(path, "additionalProperties"));
  }

  private void compareItems(JsonObject r, JsonObject w, String path) {
    Object readerItems = r.getValue("items", Boolean.TRUE);
    Object writerItems = w.getValue("items", Boolean.TRUE);
    if (readerItems instanceof JsonArray || writerItems instanceof JsonArray) {
      return; // tuple-form items: unhandled, already compared for equality
    }
    compare(readerItems, writerItems, JsonPointers.child(path, "items"));
  }

  private void issue(String path, String message) {
    issues.add(JsonPointers.display(path) + ": " + message);
  }

  private static List<String> types(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof String single) {
      return List.of(single);
    }
    return type instanceof JsonArray array ? List.copyOf(strings(array)) : ALL_TYPES;
  }

  /** Whether a schema with these types accepts a value of {@code type}; every integer is a number. */
  private static boolean accepts(List<String> types, String type) {
    return types.contains(type) || "integer".equals(type) && types.contains("number");
  }

  private static boolean admits(JsonObject schema, String type) {
    return types(schema).contains(type);
  }

  private static JsonArray allowedValues(JsonObject schema) {
    return schema.containsKey("enum") ? schema.getJsonArray("enum") : new JsonArray().add(schema.getValue("const"));
  }

  private static Set<String> strings(Object array) {
    Set<String> values = new LinkedHashSet<>();
    if (array instanceof JsonArray items) {
      items.forEach(item -> values.add(String.valueOf(item)));
    }
    return values;
  }

  private static JsonObject objectOrEmpty(Object value) {
    return value instanceof JsonObject object ? object : ANYTHING;
  }
}
