package io.meshplane.codecs.cloudevents;

import java.util.Locale;

/** Classifies a {@code datacontenttype} the way the CloudEvents JSON format and Kafka binding do. */
final class MediaTypes {
  static final String JSON = "application/json";
  private static final String CLOUDEVENTS_PREFIX = "application/cloudevents";

  private MediaTypes() {}

  /** {@code *}/json or {@code *}/{@code *}+json; an absent type counts as JSON, as the JSON format says. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = essence(contentType);
    return type.endsWith("/json") || type.endsWith("+json");
  }

  /** Text that the JSON format carries as a string in {@code data} rather than as {@code data_base64}. */
  static boolean isText(String contentType) {
    String type = essence(contentType);
    return type.startsWith("text/") || type.endsWith("/xml") || type.endsWith("+xml");
  }

  /** A Kafka {@code content-type} naming a CloudEvents event format marks a structured-mode record. */
  static boolean isStructuredEvent(String contentType) {
    return contentType.regionMatches(true, 0, CLOUDEVENTS_PREFIX, 0, CLOUDEVENTS_PREFIX.length());
  }

  private static String essence(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }
}
