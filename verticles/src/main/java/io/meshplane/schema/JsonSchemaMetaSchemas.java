package io.meshplane.schema;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The meta-schemas of the supported JSON Schema drafts, read once from the copies vertx-json-schema ships on the
 * classpath (never fetched), and the check of a definition against them.
 */
final class JsonSchemaMetaSchemas {
  /** The base URI of registered schemas; they are self-contained, so it is only a name. */
  private static final String BASE_URI = "urn:meshplane:schema";
  private static final Map<Draft, List<String>> RESOURCES = Map.of(
      Draft.DRAFT202012, List.of("json-schema.org/draft/2020-12/schema", "json-schema.org/draft/2020-12/meta/core",
          "json-schema.org/draft/2020-12/meta/applicator", "json-schema.org/draft/2020-12/meta/unevaluated",
          "json-schema.org/draft/2020-12/meta/validation", "json-schema.org/draft/2020-12/meta/meta-data",
          "json-schema.org/draft/2020-12/meta/format-annotation", "json-schema.org/draft/2020-12/meta/content"),
      Draft.DRAFT201909, List.of("json-schema.org/draft/2019-09/schema", "json-schema.org/draft/2019-09/meta/core",
          "json-schema.org/draft/2019-09/meta/applicator", "json-schema.org/draft/2019-09/meta/validation",
          "json-schema.org/draft/2019-09/meta/meta-data", "json-schema.org/draft/2019-09/meta/format",
          "json-schema.org/draft/2019-09/meta/content"),
      Draft.DRAFT7, List.of("json-schema.org/draft-07/schema"),
      Draft.DRAFT4, List.of("json-schema.org/draft-04/schema"));
  private static final int MAX_REPORTED = 5;
  /** Only read after it is filled, so it is safe to share between event loops. */
  private static final SchemaRepository META = load();

  private JsonSchemaMetaSchemas() {}

  static JsonSchemaOptions options(Draft draft) {
    return new JsonSchemaOptions().setDraft(draft).setBaseUri(BASE_URI).setOutputFormat(OutputFormat.Basic);
  }

  static void requireValid(JsonObject definition, Draft draft) {
    OutputUnit result = META.validator(uriOf(draft), options(draft)).validate(definition.copy());
    if (!result.getValid()) {
      throw ProblemException.badRequest("'definition' is not a valid JSON Schema: "
          + String.join("; ", ValidationErrors.describe(result, MAX_REPORTED)));
    }
  }

  private static SchemaRepository load() {
    SchemaRepository repository = SchemaRepository.create(options(Draft.DRAFT202012));
    RESOURCES.values().forEach(paths -> paths.forEach(path ->
        repository.dereference(uriOf(path), JsonSchema.of(read(path)))));
    return repository;
  }

  /** Draft identifiers of draft-07 and older end with an empty fragment, which the loaded documents' URIs lack. */
  private static String uriOf(Draft draft) {
    String identifier = draft.getIdentifier();
    return identifier.endsWith("#") ? identifier.substring(0, identifier.length() - 1) : identifier;
  }

  private static String uriOf(String path) {
    return (path.contains("draft/") ? "https://" : "http://") + path;
  }

  private static JsonObject read(String path) {
    try (InputStream in = JsonSchemaMetaSchemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("meta-schema " + path + " is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
