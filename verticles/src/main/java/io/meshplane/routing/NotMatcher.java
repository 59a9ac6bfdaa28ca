package io.meshplane.routing;

import io.vertx.core.json.JsonObject;

/** {@code {"not": {...}}}: the child does not match. */
record NotMatcher(Matcher child) implements Matcher {

  @Override
  public boolean matches(EventView event) {
    return !child.matches(event);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("not", child.toJson());
  }
}
