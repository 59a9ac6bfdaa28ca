package io.meshplane.routing;

import io.meshplane.codecs.cloudevents.CloudEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** A decoded CloudEvent as rules see it; the data is parsed at most once, and only when a rule asks for it. */
public final class CloudEventView implements EventView {
  private final CloudEvent event;
  private JsonObject data;
  private boolean parsed;

  public CloudEventView(CloudEvent event) {
    this.event = event;
  }

  @Override
  public String attribute(String name) {
    return switch (name) {
      case "id" -> event.id();
      case "source" -> event.source();
      case "specversion" -> event.specversion();
      case "type" -> event.type();
      case "subject" -> event.subject();
      case "time" -> event.time();
      case "datacontenttype" -> event.datacontenttype();
      case "dataschema" -> event.dataschema();
      default -> event.extension(name);
    };
  }

  @Override
  public JsonObject data() {
    if (!parsed) {
      parsed = true;
      data = parseObject(event.data());
    }
    return data;
  }

  private static JsonObject parseObject(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return Buffer.buffer(bytes).toJsonValue() instanceof JsonObject object ? object : null;
    } catch (DecodeException e) {
      return null;
    }
  }
}
