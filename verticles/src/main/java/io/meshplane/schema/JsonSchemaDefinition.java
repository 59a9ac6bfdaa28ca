package io.meshplane.schema;

import io.meshplane.catalog.JsonLimits;
import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.SchemaRepository;
import java.util.Map;

/**
 * A JSON Schema document: valid against its draft's meta-schema ({@code $schema}, else Draft 2020-12), with every
 * {@code $ref} local and resolvable. It is stored, and fingerprinted, in its canonical JSON form.
 */
public record JsonSchemaDefinition(JsonObject schema, Draft draft) implements SchemaDefinition {
  private static final Draft DEFAULT_DRAFT = Draft.DRAFT202012;
  private static final String[] REFERENCE_KEYWORDS = {"$ref", "$dynamicRef", "$recursiveRef"};

  static JsonSchemaDefinition parse(Object definition) {
    if (!(definition instanceof JsonObject schema)) {
      throw ProblemException.badRequest("'definition' of a JSON Schema must be a JSON object");
    }
    JsonLimits.check("'definition'", schema);
    Draft draft = draftOf(schema);
    JsonSchemaMetaSchemas.requireValid(schema, draft);
    requireLocalReferences(schema, "");
    requireResolvable(schema, draft);
    return new JsonSchemaDefinition(schema.copy(), draft);
  }

  static JsonSchemaDefinition fromStored(String storedText) {
    JsonObject schema = new JsonObject(storedText);
    return new JsonSchemaDefinition(schema, draftOf(schema));
  }

  /** A validator-ready copy: the library annotates the objects it is given. */
  JsonSchema toJsonSchema() {
    return JsonSchema.of(schema.copy());
  }

  @Override
  public SchemaFormat format() {
    return SchemaFormat.JSON_SCHEMA;
  }

  @Override
  public String storedText() {
    return canonicalForm();
  }

  @Override
  public String canonicalForm() {
    return CanonicalJson.encode(schema);
  }

  private static Draft draftOf(JsonObject schema) {
    Object declared = schema.getValue("$schema");
    if (declared == null) {
      return DEFAULT_DRAFT;
    }
    try {
      return Draft.fromIdentifier(String.valueOf(declared));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("'$schema' names an unsupported draft: " + declared
          + "; supported are 2020-12, 2019-09, draft-07 and draft-04");
    }
  }

  /** References to other documents would make validation depend on what the server can fetch; they are refused. */
  private static void requireLocalReferences(Object node, String pointer) {
    if (node instanceof JsonObject object) {
      for (String keyword : REFERENCE_KEYWORDS) {
        Object ref = object.getValue(keyword);
        if (ref instanceof String text && !text.startsWith("#")) {
          throw ProblemException.badRequest("'definition' " + keyword + " at " + JsonPointers.display(pointer)
              + " is '" + text + "'; only references within the document (starting with #) are supported");
        }
      }
      for (Map.Entry<String, Object> entry : object) {
        requireLocalReferences(entry.getValue(), JsonPointers.child(pointer, entry.getKey()));
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        requireLocalReferences(array.getValue(i), JsonPointers.child(pointer, i));
      }
    }
  }

  private static void requireResolvable(JsonObject schema, Draft draft) {
    try {
      SchemaRepository.create(JsonSchemaMetaSchemas.options(draft)).dereference(JsonSchema.of(schema.copy()))
          .resolve(schema.copy());
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw ProblemException.badRequest("'definition' has a reference that does not resolve: " + reason);
    }
  }
}
