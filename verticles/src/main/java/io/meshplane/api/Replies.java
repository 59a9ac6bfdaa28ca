package io.meshplane.api;

import io.vertx.core.buffer.Buffer;
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

  /** An entity as a write stored it: its JSON, its ETag and where to read it. */
  static void entity(RoutingContext ctx, int status, CharSequence etag, byte[] json) {
    HttpServerResponse response = ctx.response();
    if (!response.ended()) {
      response.setStatusCode(status)
          .putHeader(Headers.ETAG, etag)
          .putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON)
          .putHeader(Headers.LOCATION, ctx.request().path())
          .end(Buffer.buffer(json));
    }
  }

  static void noContent(RoutingContext ctx) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(204).end();
    }
  }
}
