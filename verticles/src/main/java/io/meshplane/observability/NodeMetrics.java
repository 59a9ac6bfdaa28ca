package io.meshplane.observability;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;

/**
 * The node's Prometheus registry. Vert.x reports HTTP, pool and event-bus meters into it (HTTP labelled by route
 * template, never by raw path, so ids do not explode the series count, and measured by {@link HttpServerMeters});
 * Meshplane's own meters join them there.
 */
public final class NodeMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Makes Vert.x report into {@link #registry()}: pass to {@code VertxBuilder.withMetrics}. */
  public VertxMetricsFactory vertxMetrics() {
    return new MicrometerMetricsFactory(registry) {
      @Override
      public VertxMetrics metrics(VertxOptions options) {
        return new NodeVertxMetrics(super.metrics(options), new HttpServerMeters(registry));
      }
    };
  }

  public MicrometerMetricsOptions vertxOptions() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setLabels(EnumSet.of(Label.POOL_TYPE, Label.POOL_NAME));
  }
}
