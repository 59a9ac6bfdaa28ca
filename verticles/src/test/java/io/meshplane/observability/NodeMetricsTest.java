package io.meshplane.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import org.junit.jupiter.api.Test;

/** The HTTP server meters Vert.x gets from {@link NodeMetrics}, driven through Vert.x's metrics SPI. */
class NodeMetricsTest {
  private static final SocketAddress CLIENT = SocketAddress.inetSocketAddress(40000, "127.0.0.1");
  private static final String ENTITY_ROUTE = "/v1/entities/:id";

  private final NodeMetrics nodeMetrics = new NodeMetrics();
  private final MeterRegistry registry = nodeMetrics.registry();
  @SuppressWarnings({"unchecked", "rawtypes"})
  private final HttpServerMetrics<Object, Object, Object> serverMetrics = (HttpServerMetrics) nodeMetrics
      .vertxMetrics().metrics(new VertxOptions().setMetricsOptions(nodeMetrics.vertxOptions()))
      .createHttpServerMetrics(new HttpServerOptions(), SocketAddress.inetSocketAddress(8080, "127.0.0.1"));

  @Test
  void anAnsweredRequestIsCountedAndTimedByRouteMethodAndStatus() {
    Object connection = serverMetrics.connected(CLIENT, "client");
    assertThat(gauge("vertx.http.server.active.connections")).isEqualTo(1);

    answer(connection, HttpMethod.GET, ENTITY_ROUTE, 200);
    answer(connection, HttpMethod.GET, ENTITY_ROUTE, 200);
    answer(connection, HttpMethod.GET, ENTITY_ROUTE, 404);
    answer(connection, HttpMethod.PUT, ENTITY_ROUTE, 201);

    assertThat(requests(ENTITY_ROUTE, "GET", "200")).isEqualTo(2);
    assertThat(requests(ENTITY_ROUTE, "GET", "404")).isEqualTo(1);
    assertThat(requests(ENTITY_ROUTE, "PUT", "201")).isEqualTo(1);
    assertThat(registry.get("vertx.http.server.response.time")
        .tags("route", ENTITY_ROUTE, "method", "GET", "code", "200").timer().count()).isEqualTo(2);
    assertThat(gauge("vertx.http.server.active.requests")).isZero();
    serverMetrics.disconnected(connection, CLIENT);
    assertThat(gauge("vertx.http.server.active.connections")).isZero();
  }

  @Test
  void responseTimesArePublishedAsAHistogramForQuantilesAcrossNodes() {
    answer(serverMetrics.connected(CLIENT, "client"), HttpMethod.GET, ENTITY_ROUTE, 200);

    String scrape = nodeMetrics.registry().scrape();
    assertThat(scrape).contains("vertx_http_server_response_time_seconds_bucket{code=\"200\",method=\"GET\","
        + "route=\"/v1/entities/:id\",le=\"0.001\"}");
    assertThat(scrape).contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\","
        + "route=\"/v1/entities/:id\"} 1.0");
  }

  @Test
  void aSubRoutersRouteFollowsItsParentsAndAnUnroutedRequestHasAnEmptyRoute() {
    Object connection = serverMetrics.connected(CLIENT, "client");
    Object request = serverMetrics.requestBegin(connection, new Request(HttpMethod.GET));
    serverMetrics.requestRouted(request, "/v1");
    serverMetrics.requestRouted(request, "/entities/:id");
    serverMetrics.responseEnd(request, new Response(200), 10);
    answer(connection, HttpMethod.GET, null, 404);

    assertThat(requests("/v1>/entities/:id", "GET", "200")).isEqualTo(1);
    assertThat(requests("", "GET", "404")).isEqualTo(1);
  }

  @Test
  void aResetRequestIsCountedAsResetOnceAndNeverAsAnswered() {
    Object request = serverMetrics.requestBegin(serverMetrics.connected(CLIENT, "client"),
        new Request(HttpMethod.GET));
    serverMetrics.requestRouted(request, ENTITY_ROUTE);
    serverMetrics.requestReset(request);
    serverMetrics.requestReset(request);
    serverMetrics.responseEnd(request, new Response(200), 10);

    assertThat(registry.get("vertx.http.server.request.resets").counter().count()).isEqualTo(1);
    assertThat(registry.find("vertx.http.server.requests").counters()).isEmpty();
    assertThat(gauge("vertx.http.server.active.requests")).isZero();
  }

  @Test
  void aRequestOnAConnectionAcceptedBeforeTheMetricsExistedIsMeasuredToo() {
    // what Vert.x does for a connection taken while a shared port was opening: no connection metric
    answer(null, HttpMethod.GET, ENTITY_ROUTE, 200);
    serverMetrics.bytesRead(null, CLIENT, 10);
    serverMetrics.disconnected(null, CLIENT);

    assertThat(requests(ENTITY_ROUTE, "GET", "200")).isEqualTo(1);
    assertThat(gauge("vertx.http.server.active.connections")).isZero();
  }

  private void answer(Object connection, HttpMethod method, String route, int status) {
    Object request = serverMetrics.requestBegin(connection, new Request(method));
    if (route != null) {
      serverMetrics.requestRouted(request, route);
    }
    serverMetrics.requestEnd(request, new Request(method), 0);
    serverMetrics.responseBegin(request, new Response(status));
    serverMetrics.responseEnd(request, new Response(status), 10);
  }

  private double requests(String route, String method, String code) {
    return registry.get("vertx.http.server.requests").tags("route", route, "method", method, "code", code)
        .counter().count();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private record Request(HttpMethod method) implements HttpRequest {
    @Override
    public int id() {
      return 1;
    }

    @Override
    public String uri() {
      return "/v1/entities/a";
    }

    @Override
    public String absoluteURI() {
      return "http://127.0.0.1:8080/v1/entities/a";
    }

    @Override
    public MultiMap headers() {
      return MultiMap.caseInsensitiveMultiMap();
    }

    @Override
    public SocketAddress remoteAddress() {
      return CLIENT;
    }
  }

  private record Response(int statusCode) implements HttpResponse {
    @Override
    public MultiMap headers() {
      return MultiMap.caseInsensitiveMultiMap();
    }
  }
}
