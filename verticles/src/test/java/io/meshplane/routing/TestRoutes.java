package io.meshplane.routing;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Short ways to write the routes and events the routing tests need. */
final class TestRoutes {

  private TestRoutes() {}

  static CompiledRoute route(String definition) {
    return RouteDefinitionParser.parse("r", 1, new JsonObject(definition));
  }

  /** A route sending to {@code out} whatever {@code match} takes. */
  static CompiledRoute matching(String match) {
    return route("{\"match\":" + match + ",\"to\":[\"out\"]}");
  }

  static EventView event(String type, String data) {
    return new SimpleEventView(Map.of("type", type, "source", "/shop/web", "id", "1", "specversion", "1.0"),
        data == null ? null : new JsonObject(data));
  }

  static EventView data(String data) {
    return event("com.example.test", data);
  }
}
