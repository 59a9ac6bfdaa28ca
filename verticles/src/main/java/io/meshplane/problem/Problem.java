package io.meshplane.problem;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem. {@code type} is a stable URN per kind of problem, so clients can branch on it; {@code detail}
 * says what was wrong with this request.
 */
public record Problem(int status, String type, String title, String detail) {
  private static final String TYPE_PREFIX = "urn:meshplane:problem:";

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(status, TYPE_PREFIX + slug, title, detail);
  }

  public JsonObject toJson(String instance) {
    JsonObject json = new JsonObject().put("type", type).put("title", title).put("status", status);
    if (detail != null) {
      json.put("detail", detail);
    }
    if (instance != null) {
      json.put("instance", instance);
    }
    return json;
  }
}
