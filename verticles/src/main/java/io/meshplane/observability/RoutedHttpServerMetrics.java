package io.meshplane.observability;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;

/**
 * One HTTP server's reports to the node's {@link HttpServerMeters}: each request is counted and timed under the route
 * template it was routed to (never its raw path, so ids do not explode the series count), its method and its status.
 * A request no route claimed is labelled with an empty route. Requests on a connection that has no socket metric
 * (accepted in the moment before the server's metrics existed, when verticle instances share a port) are measured
 * like any other: nothing here depends on it.
 */
final class RoutedHttpServerMetrics implements HttpServerMetrics<RoutedHttpServerMetrics.Request, Void, RoutedHttpServerMetrics.Connection> {
  private static final String NO_ROUTE = "";

  private final HttpServerMeters meters;

  RoutedHttpServerMetrics(HttpServerMeters meters) {
    this.meters = meters;
  }

  @Override
  public Connection connected(SocketAddress remoteAddress, String remoteName) {
    meters.activeConnections().increment();
    return Connection.COUNTED;
  }

  @Override
  public void disconnected(Connection connection, SocketAddress remoteAddress) {
    if (connection != null) {
      meters.activeConnections().decrement();
    }
  }

  @Override
  public Request requestBegin(Connection connection, HttpRequest request) {
    meters.activeRequests().increment();
    return new Request(request.method(), System.nanoTime());
  }

  @Override
  public void requestRouted(Request request, String route) {
    if (request != null) {
      // a sub-router reports its own route after its parent's: both name the request, as Vert.x's own metrics do
      request.route = request.route.isEmpty() ? route : request.route + ">" + route;
    }
  }

  @Override
  public void requestReset(Request request) {
    if (end(request)) {
      meters.resets().increment();
    }
  }

  @Override
  public void responseEnd(Request request, HttpResponse response, long bytesWritten) {
    if (end(request)) {
      meters.answered(request.route, request.method, response.statusCode(), System.nanoTime() - request.startNanos);
    }
  }

  /** True the first time only: a request ends once, answered or reset (null: a response pushed, never measured). */
  private boolean end(Request request) {
    if (request == null || request.ended) {
      return false;
    }
    request.ended = true;
    meters.activeRequests().decrement();
    return true;
  }

  /** A connection counted as open; Vert.x hands back null for one accepted before these metrics existed. */
  enum Connection { COUNTED }

  /** One request in flight: its method, its start, the route it was given, and whether it ended yet. */
  static final class Request {
    private final HttpMethod method;
    private final long startNanos;
    private String route = NO_ROUTE;
    private boolean ended;

    private Request(HttpMethod method, long startNanos) {
      this.method = method;
      this.startNanos = startNanos;
    }
  }
}
