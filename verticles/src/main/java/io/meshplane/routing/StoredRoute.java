package io.meshplane.routing;

import io.vertx.core.json.JsonObject;

/** A route as kept in {@code mp_route}: its name, the version of its last change and its definition. */
public record StoredRoute(String name, long version, JsonObject definition) {

  public CompiledRoute compile() {
    return RouteDefinitionParser.parse(name, version, definition);
  }

  /** The API form: the definition with its name and version. */
  public JsonObject toJson() {
    return definition.copy().put("name", name).put("version", version);
  }
}
