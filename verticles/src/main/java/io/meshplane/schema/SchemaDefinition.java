package io.meshplane.schema;

/**
 * A definition known to be a valid schema of its format. {@code storedText} is what the registry keeps and returns;
 * {@code canonicalForm} is what the fingerprint is computed from.
 */
public sealed interface SchemaDefinition permits JsonSchemaDefinition, AvroDefinition {
  SchemaFormat format();

  String storedText();

  String canonicalForm();

  default String fingerprint() {
    return Fingerprints.sha256Hex(canonicalForm());
  }

  /**
   * Parses a definition as sent by a client: a JSON value (a JSON Schema object; an Avro schema as object, array or
   * string). Refuses, with a 400 naming the problem, anything that is not a valid schema of {@code format}.
   */
  static SchemaDefinition parse(SchemaFormat format, Object definition) {
    return switch (format) {
      case JSON_SCHEMA -> JsonSchemaDefinition.parse(definition);
      case AVRO -> AvroDefinition.parse(definition);
    };
  }

  /** Rebuilds a definition from the text the registry stored. */
  static SchemaDefinition fromStored(SchemaFormat format, String storedText) {
    return switch (format) {
      case JSON_SCHEMA -> JsonSchemaDefinition.fromStored(storedText);
      case AVRO -> AvroDefinition.fromStored(storedText);
    };
  }
}
