package io.meshplane.codecs.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Events the codec tests share. */
final class TestEvents {
  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private TestEvents() {}

  /** Every attribute set, JSON data with non-ASCII text, and the well-known extensions. */
  static CloudEvent full() {
    return CloudEvent.of("c0ffee-1", "/meshplane/catalog", "io.meshplane.entity.updated")
        .withData("application/json", "{\"id\":\"urn:mesh:ds:1\",\"name\":\"Größe ✓\",\"amount\":120.50}"
            .getBytes(UTF_8))
        .withDataschema("https://schemas.meshplane.io/entity/1")
        .withSubject("urn:mesh:ds:1")
        .withTime("2026-01-02T03:04:05.678Z")
        .withExtension(CloudEvent.PARTITION_KEY, "urn:mesh:ds:1")
        .withExtension(CloudEvent.TRACEPARENT, TRACEPARENT)
        .withExtension(CloudEvent.TRACESTATE, "congo=t61rcWkgMzE")
        .withExtension("tenant", "sales");
  }

  static CloudEvent minimal() {
    return CloudEvent.of("1", "urn:x", "t");
  }
}
