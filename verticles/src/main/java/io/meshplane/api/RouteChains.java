package io.meshplane.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The handler chains every API route goes through, in one place. A read: request timeout → token check (when reads
 * are guarded) → handler. A write: request timeout → body (size-limited) → token with the route's scope → per-client
 * rate limit → handler. The timeout sits on each route rather than on a catch-all, which would show up in the HTTP
 * route label of the metrics.
 */
record RouteChains(
    Handler<RoutingContext> timeout,
    Handler<RoutingContext> body,
    Handler<RoutingContext> readers,
    Handler<RoutingContext> rateLimit) {

  void read(Router router, String path, Handler<RoutingContext> handler) {
    router.get(path).handler(timeout).handler(readers).handler(handler);
  }

  void write(Router router, HttpMethod method, String path, Handler<RoutingContext> scope,
      Handler<RoutingContext> handler) {
    router.route(method, path).handler(timeout).handler(body).handler(scope).handler(rateLimit).handler(handler);
  }
}
