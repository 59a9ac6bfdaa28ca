package io.meshplane.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code {"all": [...]}}: every child matches. */
record AllMatcher(List<Matcher> children) implements Matcher {

  AllMatcher {
    children = List.copyOf(children);
  }

  @Override
  public boolean matches(EventView event) {
    for (int i = 0; i < children.size(); i++) {
      if (!children.get(i).matches(event)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public JsonObject toJson() {
    JsonArray all = new JsonArray();
    children.forEach(child -> all.add(child.toJson()));
    return new JsonObject().put("all", all);
  }
}
