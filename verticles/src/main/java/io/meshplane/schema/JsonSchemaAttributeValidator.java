package io.meshplane.schema;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Validator;
import java.util.List;

/** Attributes checked by vertx-json-schema against the registered JSON Schema, in the schema's draft. */
final class JsonSchemaAttributeValidator implements AttributeValidator {
  private final Validator validator;

  JsonSchemaAttributeValidator(JsonSchemaDefinition definition) {
    this.validator = Validator.create(definition.toJsonSchema(), JsonSchemaMetaSchemas.options(definition.draft()));
  }

  @Override
  public List<String> violations(JsonObject attributes) {
    var result = validator.validate(attributes);
    return result.getValid() ? List.of() : ValidationErrors.describe(result, MAX_REPORTED);
  }
}
