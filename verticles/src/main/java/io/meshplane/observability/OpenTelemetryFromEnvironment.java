package io.meshplane.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * The OpenTelemetry SDK as the standard {@code OTEL_*} environment variables and {@code otel.*} system properties
 * configure it (OTLP exporter, sampler, resource). Defaults here only name the service and keep metrics and logs out
 * of OpenTelemetry: metrics go to Prometheus, logs to logback.
 */
public final class OpenTelemetryFromEnvironment {
  private OpenTelemetryFromEnvironment() {}

  public static OpenTelemetry create() {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> Map.of(
            "otel.service.name", "meshplane",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none"))
        .build()
        .getOpenTelemetrySdk();
  }
}
