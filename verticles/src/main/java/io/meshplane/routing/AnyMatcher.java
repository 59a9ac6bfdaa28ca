package io.meshplane.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code {"any": [...]}}: at least one child matches. */
record AnyMatcher(List<Matcher> children) implements Matcher {

  AnyMatcher {
    children = List.copyOf(children);
  }

  @Override
  public boolean matches(EventView event) {
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i).matches(event)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public JsonObject toJson() {
    JsonArray any = new JsonArray();
    children.forEach(child -> any.add(child.toJson()));
    return new JsonObject().put("any", any);
  }
}
