package io.meshplane.schema;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * An Avro schema. It is stored in Avro's full JSON form (defaults and docs kept, since compatibility needs the
 * defaults) and fingerprinted over its Parsing Canonical Form.
 */
public record AvroDefinition(Schema schema) implements SchemaDefinition {

  static AvroDefinition parse(Object definition) {
    String text;
    if (definition instanceof String string) {
      text = string;
    } else if (definition instanceof JsonObject object) {
      text = object.encode();
    } else if (definition instanceof JsonArray union) {
      text = union.encode();
    } else {
      throw ProblemException.badRequest("'definition' of an Avro schema must be a JSON object, array or string");
    }
    try {
      return new AvroDefinition(new Schema.Parser().parse(text));
    } catch (RuntimeException e) {
      // the parser reports bad input with several unchecked types (SchemaParseException, AvroTypeException, NPE)
      throw ProblemException.badRequest("'definition' is not a valid Avro schema: " + e.getMessage());
    }
  }

  static AvroDefinition fromStored(String storedText) {
    return new AvroDefinition(new Schema.Parser().parse(storedText));
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.AVRO;
  }

  @Override
  public String storedText() {
    return schema.toString();
  }

  @Override
  public String canonicalForm() {
    return SchemaNormalization.toParsingForm(schema);
  }
}
