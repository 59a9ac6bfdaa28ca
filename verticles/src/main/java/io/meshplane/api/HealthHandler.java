package io.meshplane.api;

import io.meshplane.health.Readiness;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code /health/live} answers while the process runs; {@code /health/ready} is 503 while a critical check fails. */
final class HealthHandler {
  private static final String LIVE = new JsonObject().put("status", "UP").encode();

  private final Readiness readiness;

  HealthHandler(Readiness readiness) {
    this.readiness = readiness;
  }

  void live(RoutingContext ctx) {
    ctx.response().putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON).end(LIVE);
  }

  void ready(RoutingContext ctx) {
    readiness.evaluate().onSuccess(report -> ctx.response()
        .setStatusCode("DOWN".equals(report.getString("status")) ? 503 : 200)
        .putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON)
        .end(report.toBuffer()))
        .onFailure(ctx::fail);
  }
}
