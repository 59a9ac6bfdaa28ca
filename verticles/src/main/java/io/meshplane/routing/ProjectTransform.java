package io.meshplane.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code {"op":"project","paths":[...]}}: keeps only the listed paths (those present); every path is names only. */
record ProjectTransform(List<JsonPath> paths) implements Transform {

  ProjectTransform {
    paths = List.copyOf(paths);
  }

  @Override
  public String op() {
    return "project";
  }

  @Override
  public JsonObject apply(JsonObject data) {
    JsonObject kept = new JsonObject();
    for (JsonPath path : paths) {
      if (path.exists(data)) {
        path.set(kept, path.read(data));
      }
    }
    return kept;
  }

  @Override
  public JsonObject toJson() {
    JsonArray texts = new JsonArray();
    paths.forEach(path -> texts.add(path.toString()));
    return new JsonObject().put("op", op()).put("paths", texts);
  }
}
