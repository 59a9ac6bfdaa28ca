package io.meshplane.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated routing rule, ready to run: which topics it reads ({@code from}; empty = the configured ingress topics),
 * which events it takes ({@code matcher}), how it reshapes their data ({@code transforms}, then {@code enrich}) and
 * where it sends them ({@code to}). Built by {@link RouteDefinitionParser}; immutable.
 */
public record CompiledRoute(
    String name,
    long version,
    String description,
    List<String> from,
    Matcher matcher,
    List<Transform> transforms,
    Optional<EnrichPlan> enrich,
    List<String> to,
    boolean enabled) {

  public CompiledRoute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(enrich, "enrich");
    from = List.copyOf(from);
    transforms = List.copyOf(transforms);
    to = List.copyOf(to);
  }

  public boolean matches(EventView event) {
    return matcher.matches(event);
  }

  /**
   * The data after every transform step, as a new object: {@code data} itself is never modified. Without steps this
   * is a copy; null data (not JSON) stays null.
   *
   * @throws RouteTransformException naming the step that failed, or when there are steps and the data is not JSON
   */
  public JsonObject transform(JsonObject data) {
    if (data == null) {
      if (transforms.isEmpty()) {
        return null;
      }
      throw new RouteTransformException(name, "transform", "the event's data is not a JSON object");
    }
    JsonObject result = data.copy();
    for (int i = 0; i < transforms.size(); i++) {
      Transform step = transforms.get(i);
      try {
        result = step.apply(result);
      } catch (IllegalArgumentException e) {
        throw new RouteTransformException(name, "transform[" + i + "] (" + step.op() + ")", e.getMessage());
      }
    }
    return result;
  }

  /** The id of the entity to enrich {@code data} with; empty when the route does not enrich or the data has none. */
  public Optional<String> enrichmentId(JsonObject data) {
    return enrich.isPresent() ? enrich.get().entityId(data) : Optional.empty();
  }

  /**
   * {@code data} with the chosen fields of {@code entity} attached, as a new object: {@code data} itself is never
   * modified. A null entity (not found, or no id in the data) attaches JSON null.
   *
   * @throws IllegalStateException when the route has no {@code enrich}
   * @throws RouteTransformException when the data is not JSON or the fields cannot be attached where it says
   */
  public JsonObject enrich(JsonObject data, JsonObject entity) {
    EnrichPlan plan = enrich.orElseThrow(() -> new IllegalStateException("route '" + name + "' does not enrich"));
    if (data == null) {
      throw new RouteTransformException(name, "enrich", "the event's data is not a JSON object");
    }
    JsonObject result = data.copy();
    try {
      plan.attach(result, entity);
    } catch (IllegalArgumentException e) {
      throw new RouteTransformException(name, "enrich", e.getMessage());
    }
    return result;
  }

  /** The definition as stored and served: what {@link RouteDefinitionParser#parse} turns back into this route. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (description != null) {
      json.put("description", description);
    }
    if (!from.isEmpty()) {
      json.put("from", new JsonArray(new ArrayList<>(from)));
    }
    if (!matcher.equals(Matcher.ANY_EVENT)) {
      json.put("match", matcher.toJson());
    }
    if (!transforms.isEmpty()) {
      JsonArray steps = new JsonArray();
      transforms.forEach(step -> steps.add(step.toJson()));
      json.put("transform", steps);
    }
    enrich.ifPresent(plan -> json.put("enrich", plan.toJson()));
    return json.put("to", new JsonArray(new ArrayList<>(to))).put("enabled", enabled);
  }
}
