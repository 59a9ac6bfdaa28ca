package io.meshplane.routing;

import io.vertx.core.json.JsonObject;

/**
 * What a rule sees of an event, whatever its wire form. A rule may ask for {@link #data()} once per condition, so an
 * implementation should parse the data once and keep it.
 */
public interface EventView {

  /**
   * A CloudEvents context attribute ({@code id}, {@code source}, {@code specversion}, {@code type}, {@code subject},
   * {@code time}, {@code datacontenttype}, {@code dataschema}) or extension (e.g. {@code partitionkey}) in its string
   * form; null when the event does not carry it.
   */
  String attribute(String name);

  /** The event's data parsed as a JSON object; null when it is absent or not a JSON object. */
  JsonObject data();
}
