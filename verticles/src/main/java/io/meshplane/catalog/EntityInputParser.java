package io.meshplane.catalog;

import io.meshplane.codecs.entity.SchemaRef;
import io.meshplane.problem.ProblemException;
import io.netty.buffer.ByteBufUtil;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses and validates the body of {@code PUT /v1/entities/{id}}; every refusal names the field and the reason. */
public final class EntityInputParser {
  static final int MAX_ATTRIBUTES_BYTES = 64 * 1024;
  static final int MAX_TEXT = 256;
  static final int MAX_TAGS = 64;
  private static final Set<String> WRITABLE = Set.of("type", "domain", "sourceSystem", "owner", "tags",
      "attributes", "schemaRef");
  /** Server-assigned fields a client may echo back from a GET; they are ignored. */
  private static final Set<String> READ_ONLY = Set.of("id", "version", "createdAt", "updatedAt");

  private EntityInputParser() {}

  public static EntityInput parse(String id, Buffer body) {
    JsonObject json = JsonBodies.parseObject(body);
    for (String field : json.fieldNames()) {
      if (!WRITABLE.contains(field) && !READ_ONLY.contains(field)) {
        throw ProblemException.badRequest("unknown field '" + field + "'");
      }
    }
    Object bodyId = json.getValue("id");
    if (bodyId != null && !id.equals(bodyId)) {
      throw ProblemException.badRequest("body id does not match the id in the path");
    }
    String attributes = attributesJson(json);
    return new EntityInput(
        text(json, "type", true),
        text(json, "domain", false),
        text(json, "sourceSystem", false),
        text(json, "owner", false),
        tags(json),
        attributes,
        schemaRef(json));
  }

  private static String text(JsonObject json, String field, boolean required) {
    Object value = json.getValue(field);
    if (value == null) {
      if (required) {
        throw ProblemException.badRequest("'" + field + "' is required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      throw ProblemException.badRequest("'" + field + "' must be a string");
    }
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      throw ProblemException.badRequest("'" + field + "' must be 1-" + MAX_TEXT + " characters");
    }
    JsonLimits.checkText("'" + field + "'", text);
    return text;
  }

  private static List<String> tags(JsonObject json) {
    Object value = json.getValue("tags");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw ProblemException.badRequest("'tags' must be an array of strings");
    }
    if (array.size() > MAX_TAGS) {
      throw ProblemException.badRequest("'tags' holds " + array.size() + " items; at most " + MAX_TAGS);
    }
    Set<String> tags = new LinkedHashSet<>();
    for (Object item : array) {
      if (!(item instanceof String tag) || tag.isEmpty() || tag.length() > MAX_TEXT) {
        throw ProblemException.badRequest("'tags' items must be strings of 1-" + MAX_TEXT + " characters");
      }
      JsonLimits.checkText("'tags'", tag);
      tags.add(tag);
    }
    return new ArrayList<>(tags);
  }

  /** The attributes as the JSON text stored, encoded once for both the size check and the row. */
  private static String attributesJson(JsonObject json) {
    Object value = json.getValue("attributes");
    if (value == null) {
      return "{}";
    }
    if (!(value instanceof JsonObject attributes)) {
      throw ProblemException.badRequest("'attributes' must be a JSON object");
    }
    JsonLimits.check("'attributes'", attributes);
    String encoded = attributes.encode();
    int size = ByteBufUtil.utf8Bytes(encoded); // counted, not encoded: no copy of the attributes
    if (size > MAX_ATTRIBUTES_BYTES) {
      throw ProblemException.badRequest("'attributes' encodes to " + size + " bytes; at most " + MAX_ATTRIBUTES_BYTES);
    }
    return encoded;
  }

  private static SchemaRef schemaRef(JsonObject json) {
    Object value = json.getValue("schemaRef");
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject ref)) {
      throw ProblemException.badRequest("'schemaRef' must be an object {\"subject\", \"version\"}");
    }
    String subject = text(ref, "subject", true);
    Object version = ref.getValue("version");
    if (!(version instanceof Integer || version instanceof Long) || ((Number) version).longValue() < 1
        || ((Number) version).longValue() > Integer.MAX_VALUE) {
      throw ProblemException.badRequest("'schemaRef.version' must be a positive integer");
    }
    return new SchemaRef(subject, ((Number) version).intValue());
  }
}
