package io.meshplane.routing;

import static io.meshplane.routing.DefinitionFields.array;
import static io.meshplane.routing.DefinitionFields.child;
import static io.meshplane.routing.DefinitionFields.item;
import static io.meshplane.routing.DefinitionFields.refused;

import io.meshplane.catalog.JsonLimits;
import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses, validates and compiles the body of {@code PUT /v1/routes/{name}}; every refusal is a 400 problem whose
 * reason names the field, e.g. {@code 'match.all[1].op' 'like' is not an operator}.
 */
public final class RouteDefinitionParser {
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_TOPICS = 64;
  static final int MAX_TRANSFORMS = 64;
  static final int MAX_PROJECT_PATHS = 256;
  private static final Pattern ROUTE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  /** Kafka's own rule for topic names. */
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");
  private static final Set<String> FIELDS = Set.of("description", "from", "match", "transform", "enrich", "to",
      "enabled");
  private static final Set<String> ENRICH_FIELDS = Set.of("entityIdFrom", "fields", "into");

  private RouteDefinitionParser() {}

  /** Answers {@code name} if it can name a route, else refuses it with a 400 (whatever the call: read, write, delete). */
  public static String requireName(String name) {
    if (name == null || !ROUTE_NAME.matcher(name).matches()) {
      throw ProblemException.badRequest("a route name must be 1-128 characters of [A-Za-z0-9._-]");
    }
    return name;
  }

  /** Compiles the definition {@code body} of route {@code name}, stored as {@code version}. */
  public static CompiledRoute parse(String name, long version, JsonObject body) {
    requireName(name);
    if (body == null) {
      throw ProblemException.badRequest("the route definition must be a JSON object");
    }
    DefinitionFields.onlyKnown(body, "", FIELDS);
    CompiledRoute route = new CompiledRoute(
        name,
        version,
        description(body.getValue("description")),
        body.containsKey("from") ? topics("from", body.getValue("from")) : List.of(),
        body.containsKey("match") ? MatcherParser.parse("match", body.getValue("match")) : Matcher.ANY_EVENT,
        body.containsKey("transform") ? transforms(body.getValue("transform")) : List.of(),
        body.containsKey("enrich") ? Optional.of(enrich(body.getValue("enrich"))) : Optional.empty(),
        topics("to", body.getValue("to")),
        enabled(body.getValue("enabled")));
    // after the rule's own checks, which name the field more precisely: what PostgreSQL could not store
    for (String field : body.fieldNames()) {
      JsonLimits.check("'" + field + "'", body.getValue(field));
    }
    return route;
  }

  private static String description(Object value) {
    if (value == null) {
      return null;
    }
    String text = DefinitionFields.string("description", value);
    if (text.length() > MAX_DESCRIPTION) {
      throw refused("description", "holds " + text.length() + " characters; at most " + MAX_DESCRIPTION);
    }
    return text;
  }

  private static boolean enabled(Object value) {
    if (value == null) {
      return true;
    }
    if (!(value instanceof Boolean enabled)) {
      throw refused("enabled", "must be true or false");
    }
    return enabled;
  }

  /** A non-empty list of valid topic names, duplicates dropped. */
  private static List<String> topics(String location, Object value) {
    JsonArray array = array(location, value, MAX_TOPICS);
    Set<String> topics = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Object topic = array.getValue(i);
      if (!(topic instanceof String name) || !TOPIC.matcher(name).matches() || name.equals(".")
          || name.equals("..")) {
        throw refused(item(location, i), "must be a Kafka topic name: 1-249 characters of [a-zA-Z0-9._-], "
            + "not '.' or '..'");
      }
      topics.add(name);
    }
    return List.copyOf(topics);
  }

  private static List<Transform> transforms(Object value) {
    JsonArray array = array("transform", value, MAX_TRANSFORMS);
    List<Transform> steps = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      steps.add(transform(item("transform", i), array.getValue(i)));
    }
    return steps;
  }

  private static Transform transform(String location, Object value) {
    JsonObject json = DefinitionFields.object(location, value);
    String op = DefinitionFields.string(child(location, "op"), json.getValue("op"));
    switch (op) {
      case "project" -> {
        DefinitionFields.onlyKnown(json, location, Set.of("op", "paths"));
        String where = child(location, "paths");
        JsonArray texts = array(where, json.getValue("paths"), MAX_PROJECT_PATHS);
        List<JsonPath> paths = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
          JsonPath path = DefinitionFields.path(item(where, i), texts.getValue(i));
          if (!path.namesOnly()) {
            throw refused(item(where, i), "must name object fields only: project cannot rebuild arrays");
          }
          paths.add(path);
        }
        return new ProjectTransform(paths);
      }
      case "rename" -> {
        DefinitionFields.onlyKnown(json, location, Set.of("op", "from", "to"));
        return new RenameTransform(
            DefinitionFields.path(child(location, "from"), json.getValue("from")),
            DefinitionFields.path(child(location, "to"), json.getValue("to")));
      }
      case "set" -> {
        DefinitionFields.onlyKnown(json, location, Set.of("op", "path", "value"));
        if (!json.containsKey("value")) {
          throw refused(child(location, "value"), "is required for 'set'");
        }
        return new SetTransform(DefinitionFields.path(child(location, "path"), json.getValue("path")),
            JsonValues.copy(json.getValue("value")));
      }
      case "drop" -> {
        DefinitionFields.onlyKnown(json, location, Set.of("op", "path"));
        return new DropTransform(DefinitionFields.path(child(location, "path"), json.getValue("path")));
      }
      default -> throw refused(child(location, "op"), "must be one of project, rename, set, drop");
    }
  }

  private static EnrichPlan enrich(Object value) {
    JsonObject json = DefinitionFields.object("enrich", value);
    DefinitionFields.onlyKnown(json, "enrich", ENRICH_FIELDS);
    JsonArray names = array("enrich.fields", json.getValue("fields"), EnrichPlan.ENTITY_FIELDS.size());
    Set<String> fields = new LinkedHashSet<>();
    for (int i = 0; i < names.size(); i++) {
      Object field = names.getValue(i);
      if (!(field instanceof String name) || !EnrichPlan.ENTITY_FIELDS.contains(name)) {
        throw refused(item("enrich.fields", i), "must be a field of the entity document: "
            + String.join(", ", EnrichPlan.ENTITY_FIELDS.stream().sorted().toList()));
      }
      fields.add(name);
    }
    return new EnrichPlan(
        DefinitionFields.path("enrich.entityIdFrom", json.getValue("entityIdFrom")),
        List.copyOf(fields),
        DefinitionFields.path("enrich.into", json.getValue("into")));
  }
}
