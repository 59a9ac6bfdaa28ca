package io.meshplane.schema;

import io.meshplane.catalog.EntityIds;
import io.meshplane.catalog.JsonBodies;
import io.meshplane.problem.ProblemException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * A validated request to register a schema version. {@code compatibility} is null when the request leaves the
 * subject's mode as it is.
 */
public record SchemaRegistration(String subject, SchemaDefinition definition, CompatibilityMode compatibility) {
  private static final Set<String> FIELDS = Set.of("format", "definition", "compatibility");

  /** Parses the body of {@code POST /v1/schemas/{subject}/versions}; every refusal names the field and the reason. */
  public static SchemaRegistration parse(String subject, Buffer body) {
    EntityIds.require("schema subject", subject);
    JsonObject json = JsonBodies.parseObject(body);
    for (String field : json.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw ProblemException.badRequest("unknown field '" + field + "'");
      }
    }
    if (!json.containsKey("format")) {
      throw ProblemException.badRequest("'format' is required");
    }
    if (json.getValue("definition") == null) {
      throw ProblemException.badRequest("'definition' is required");
    }
    SchemaFormat format = SchemaFormat.fromWireName(json.getValue("format"));
    Object compatibility = json.getValue("compatibility");
    return new SchemaRegistration(subject, SchemaDefinition.parse(format, json.getValue("definition")),
        compatibility == null ? null : CompatibilityMode.parse(compatibility));
  }
}
