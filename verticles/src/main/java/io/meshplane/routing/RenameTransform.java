package io.meshplane.routing;

import io.vertx.core.json.JsonObject;

/** {@code {"op":"rename","from":"$.a","to":"$.b"}}: moves a value; fails when {@code from} is absent. */
record RenameTransform(JsonPath from, JsonPath to) implements Transform {

  @Override
  public String op() {
    return "rename";
  }

  @Override
  public JsonObject apply(JsonObject data) {
    if (!from.exists(data)) {
      throw new IllegalArgumentException("'" + from + "' is absent");
    }
    to.set(data, from.remove(data));
    return data;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("op", op()).put("from", from.toString()).put("to", to.toString());
  }
}
