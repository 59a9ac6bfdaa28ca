package io.meshplane.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vertx.core.MultiMap;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import org.junit.jupiter.api.Test;

/** The HTTP server meters Vert.x gets from {@link NodeMetrics}. */
class NodeMetricsTest {
  private static final SocketAddress CLIENT = SocketAddress.inetSocketAddress(40000, "127.0.0.1");

  @SuppressWarnings({"unchecked", "rawtypes"})
  private final HttpServerMetrics<Object, Object, Object> serverMetrics = (HttpServerMetrics) new NodeMetrics()
      .vertxMetrics().metrics(new VertxOptions().setMetricsOptions(new NodeMetrics().vertxOptions()))
      .createHttpServerMetrics(new HttpServerOptions(), SocketAddress.inetSocketAddress(8080, "127.0.0.1"));

  @Test
  void aRequestOnAConnectionAcceptedBeforeTheMetricsExistedIsServedUnmeasured() {
    // what Vert.x does for a connection taken while a shared port was opening: no connection meter
    assertThatCode(() -> {
      Object request = serverMetrics.requestBegin(null, new Request());
      serverMetrics.requestRouted(request, "/v1/entities/:id");
      serverMetrics.requestEnd(request, new Request(), 0);
      serverMetrics.responseBegin(request, new Response());
      serverMetrics.responseEnd(request, new Response(), 10);
      serverMetrics.bytesRead(null, CLIENT, 10);
      serverMetrics.disconnected(null, CLIENT);
    }).doesNotThrowAnyException();
  }

  @Test
  void anOrdinaryRequestIsStillMeasured() {
    Object connection = serverMetrics.connected(CLIENT, "client");
    Object request = serverMetrics.requestBegin(connection, new Request());

    assertThat(request).isNotNull();
    serverMetrics.requestEnd(request, new Request(), 0);
    serverMetrics.responseBegin(request, new Response());
    serverMetrics.responseEnd(request, new Response(), 10);
    serverMetrics.disconnected(connection, CLIENT);
  }

  private static final class Request implements HttpRequest {
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
    public HttpMethod method() {
      return HttpMethod.GET;
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

  private static final class Response implements HttpResponse {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public MultiMap headers() {
      return MultiMap.caseInsensitiveMultiMap();
    }
  }
}
