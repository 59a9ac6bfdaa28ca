package io.meshplane.benchmarks;

import io.meshplane.observability.NodeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What measuring one HTTP request costs: every call Vert.x makes into the server metrics for a routed GET answered
 * 200, with the node's meters ({@code node}) and with Vert.x's Micrometer HTTP server metrics labelled the same way
 * ({@code vertx-micrometer}), both into a Prometheus registry.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HttpServerMetricsBenchmark {
  private static final SocketAddress CLIENT = SocketAddress.inetSocketAddress(40000, "127.0.0.1");
  private static final SocketAddress SERVER = SocketAddress.inetSocketAddress(8080, "127.0.0.1");
  private static final String ROUTE = "/v1/entities/:id";

  @Param({"node", "vertx-micrometer"})
  public String metrics;

  private HttpServerMetrics<Object, Object, Object> serverMetrics;
  private Object connection;
  private final Request request = new Request();
  private final Response response = new Response();

  @Setup
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void start() {
    VertxMetricsFactory factory;
    MicrometerMetricsOptions options;
    if (metrics.equals("node")) {
      NodeMetrics node = new NodeMetrics();
      factory = node.vertxMetrics();
      options = node.vertxOptions();
    } else {
      factory = new MicrometerMetricsFactory(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
      options = new MicrometerMetricsOptions().setEnabled(true)
          .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE));
    }
    serverMetrics = (HttpServerMetrics) factory.metrics(new VertxOptions().setMetricsOptions(options))
        .createHttpServerMetrics(new HttpServerOptions(), SERVER);
    connection = serverMetrics.connected(CLIENT, "client");
  }

  @Benchmark
  public Object routedRequest() {
    serverMetrics.bytesRead(connection, CLIENT, 90);
    Object measured = serverMetrics.requestBegin(connection, request);
    serverMetrics.requestRouted(measured, ROUTE);
    serverMetrics.requestEnd(measured, request, 0);
    serverMetrics.responseBegin(measured, response);
    serverMetrics.responseEnd(measured, response, 420);
    serverMetrics.bytesWritten(connection, CLIENT, 420);
    return measured;
  }

  /** A GET of one entity, as Vert.x describes it to the metrics. */
  private static final class Request implements HttpRequest {
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

    @Override
    public int id() {
      return 1;
    }

    @Override
    public String uri() {
      return "/v1/entities/urn:bench:1";
    }

    @Override
    public String absoluteURI() {
      return "http://127.0.0.1:8080/v1/entities/urn:bench:1";
    }

    @Override
    public HttpMethod method() {
      return HttpMethod.GET;
    }

    @Override
    public MultiMap headers() {
      return headers;
    }

    @Override
    public SocketAddress remoteAddress() {
      return CLIENT;
    }
  }

  private static final class Response implements HttpResponse {
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public MultiMap headers() {
      return headers;
    }
  }
}
