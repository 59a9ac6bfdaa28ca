package io.meshplane.schema;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A registered schema compiled to check entity attributes; immutable, like the version it was compiled from. */
public interface AttributeValidator {
  /** How many violations a refusal lists; a client fixes the first ones, then learns of the next. */
  int MAX_REPORTED = 5;

  /** What is wrong with {@code attributes}, as {@code "/json/pointer: reason"} messages; empty when they conform. */
  List<String> violations(JsonObject attributes);

  static AttributeValidator of(SchemaDefinition definition) {
    if (definition instanceof JsonSchemaDefinition json) {
      return new JsonSchemaAttributeValidator(json);
    }
    return new AvroAttributeValidator(((AvroDefinition) definition).schema());
  }
}
