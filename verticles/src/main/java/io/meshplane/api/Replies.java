package io.meshplane.api;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Successful answers, written only while the request is still unanswered (the request timeout may have won). */
final class Replies {
  private Replies() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    HttpServerResponse response = ctx.response();
    if (!response.ended()) {
      response.setStatusCode(status).putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON).end(body.toBuffer());
    }
  }

  static void noContent(RoutingContext ctx) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(204).end();
    }
  }
}
