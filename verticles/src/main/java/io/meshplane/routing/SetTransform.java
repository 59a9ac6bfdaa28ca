package io.meshplane.routing;

import io.vertx.core.json.JsonObject;

/** {@code {"op":"set","path":"$.x","value":any}}: puts a constant, creating intermediate objects. */
record SetTransform(JsonPath path, Object value) implements Transform {

  @Override
  public String op() {
    return "set";
  }

  @Override
  public JsonObject apply(JsonObject data) {
    // a copy each time, so that no two outputs share a mutable value
    path.set(data, JsonValues.copy(value));
    return data;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("op", op()).put("path", path.toString()).put("value", JsonValues.copy(value));
  }
}
