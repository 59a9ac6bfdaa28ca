package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * A relationship ({@code from -type-> to}, with properties) or a lineage edge ({@code upstream -> downstream}, with
 * transformation and job), validated from a request body. {@code kind} names it in events.
 */
public record Edge(Kind kind, String from, String type, String to, JsonObject details) {
  private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final int MAX_DETAILS_BYTES = 16 * 1024;

  /** The two kinds of edge, with their field names and event names. */
  public enum Kind {
    RELATIONSHIP("from", "to", "relationship", "io.meshplane.relationship"),
    LINEAGE("upstream", "downstream", "lineage", "io.meshplane.lineage");

    final String fromField;
    final String toField;
    final String eventPrefix;
    final String cloudEventPrefix;

    Kind(String fromField, String toField, String eventPrefix, String cloudEventPrefix) {
      this.fromField = fromField;
      this.toField = toField;
      this.eventPrefix = eventPrefix;
      this.cloudEventPrefix = cloudEventPrefix;
    }
  }

  public static Edge relationship(JsonObject body) {
    String type = body.getValue("type") instanceof String t ? t : null;
    if (type == null || !TYPE.matcher(type).matches()) {
      throw ProblemException.badRequest("'type' must be 1-128 characters of A-Z a-z 0-9 . _ : -");
    }
    Object properties = body.getValue("properties");
    if (properties != null && !(properties instanceof JsonObject)) {
      throw ProblemException.badRequest("'properties' must be a JSON object");
    }
    JsonObject details = properties == null ? new JsonObject() : (JsonObject) properties;
    checkSize("'properties'", details);
    return new Edge(Kind.RELATIONSHIP, endpoint(body, "from"), type, endpoint(body, "to"), details);
  }

  public static Edge lineage(JsonObject body) {
    String upstream = endpoint(body, "upstream");
    String downstream = endpoint(body, "downstream");
    if (upstream.equals(downstream)) {
      throw ProblemException.badRequest("an entity cannot be its own upstream");
    }
    JsonObject details = new JsonObject()
        .put("transformation", optionalText(body, "transformation"))
        .put("job", optionalText(body, "job"));
    return new Edge(Kind.LINEAGE, upstream, null, downstream, details);
  }

  /** The JSON form, as answered and as recorded in the event log and outbox. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put(kind.fromField, from);
    if (kind == Kind.RELATIONSHIP) {
      return json.put("type", type).put("to", to).put("properties", details);
    }
    return json.put("downstream", to).put("transformation", details.getString("transformation"))
        .put("job", details.getString("job"));
  }

  private static String endpoint(JsonObject body, String field) {
    Object id = body.getValue(field);
    if (!(id instanceof String text)) {
      throw ProblemException.badRequest("'" + field + "' must be an entity id");
    }
    return EntityIds.require(text);
  }

  private static String optionalText(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isEmpty() || text.length() > 1024) {
      throw ProblemException.badRequest("'" + field + "' must be a string of 1-1024 characters");
    }
    JsonLimits.checkText("'" + field + "'", text);
    return text;
  }

  private static void checkSize(String field, JsonObject details) {
    JsonLimits.check(field, details);
    if (details.encode().length() > MAX_DETAILS_BYTES) {
      throw ProblemException.badRequest(field + " encodes to more than " + MAX_DETAILS_BYTES + " bytes");
    }
  }
}
