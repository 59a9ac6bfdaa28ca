package io.meshplane.routing;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** An event view over a map of attributes and already parsed data. */
public record SimpleEventView(Map<String, String> attributes, JsonObject data) implements EventView {

  public SimpleEventView {
    attributes = Map.copyOf(attributes);
  }

  @Override
  public String attribute(String name) {
    return attributes.get(name);
  }
}
