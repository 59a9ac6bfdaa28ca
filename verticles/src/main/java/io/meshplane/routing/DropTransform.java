package io.meshplane.routing;

import io.vertx.core.json.JsonObject;

/** {@code {"op":"drop","path":"$.x"}}: removes a value; dropping an absent one is not an error. */
record DropTransform(JsonPath path) implements Transform {

  @Override
  public String op() {
    return "drop";
  }

  @Override
  public JsonObject apply(JsonObject data) {
    path.remove(data);
    return data;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("op", op()).put("path", path.toString());
  }
}
