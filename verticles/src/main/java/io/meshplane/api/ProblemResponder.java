package io.meshplane.api;

import io.meshplane.problem.Problem;
import io.meshplane.problem.ProblemException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses. A client's mistake is a 4xx with the reason; an unavailable
 * dependency is a 503; anything else is a bug, logged with its stack and answered with a 500 that reveals nothing.
 */
final class ProblemResponder {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponder.class);

  private ProblemResponder() {}

  static void send(RoutingContext ctx, Problem problem) {
    HttpServerResponse response = ctx.response();
    if (response.ended()) {
      return; // answered already (e.g. by the request timeout); the late outcome has nowhere to go
    }
    if (response.headWritten()) {
      ctx.request().connection().close();
      return;
    }
    response.setStatusCode(problem.status())
        .putHeader(Headers.CONTENT_TYPE, Headers.PROBLEM_JSON)
        .end(problem.toJson(ctx.request().path()).toBuffer());
  }

  /**
   * A request the HTTP decoder itself refused (request line or headers too long, malformed framing): answered as a
   * problem like every other refusal, then the connection closes, since the decoder cannot resynchronise on it.
   */
  static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    Problem problem;
    if (cause instanceof TooLongHttpLineException) {
      problem = Problem.of(414, "uri-too-long", "URI too long", "the request line exceeds the server's limit");
    } else if (cause instanceof TooLongHttpHeaderException) {
      problem = Problem.of(431, "headers-too-large", "Request header fields too large",
          "the request headers exceed the server's limit");
    } else {
      problem = ProblemException.badRequest("the HTTP request is malformed"
          + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage())).problem();
    }
    request.response().setStatusCode(problem.status())
        .putHeader(Headers.CONTENT_TYPE, Headers.PROBLEM_JSON)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(problem.toJson(null).toBuffer())
        .onComplete(sent -> request.connection().close());
  }

  /** The router's failure handler. */
  static void handleFailure(RoutingContext ctx) {
    send(ctx, problemFor(ctx));
  }

  private static Problem problemFor(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ProblemException problem) {
      return problem.problem();
    }
    if (failure instanceof HttpException http) {
      return forStatus(http.getStatusCode(), http.getPayload());
    }
    if (isUnavailable(failure)) {
      LOG.warn("{} {} failed, dependency unavailable: {}", ctx.request().method(), ctx.request().path(),
          failure.toString());
      return ProblemException.unavailable("a backing service is unavailable; retry later").problem();
    }
    if (failure == null || (ctx.statusCode() >= 400 && ctx.statusCode() < 500)) {
      // a handler failed the request with a client status (e.g. 403 from the token check) and its own exception
      return forStatus(ctx.statusCode(), null);
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    return Problem.of(500, "internal", "Internal server error", "the server failed; the error is logged");
  }

  static Problem forStatus(int status, String detail) {
    return switch (status) {
      case 400 -> ProblemException.badRequest(detail == null ? "the request is malformed" : detail).problem();
      case 401 -> Problem.of(401, "unauthorized", "Unauthorized",
          "a valid bearer token is required (Authorization: Bearer <JWT>)");
      case 403 -> Problem.of(403, "forbidden", "Forbidden", "the token lacks the scope this call needs");
      case 404 -> ProblemException.notFound(detail == null ? "no such resource" : detail).problem();
      case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
          "this resource does not support the method");
      case 413 -> Problem.of(413, "payload-too-large", "Content too large",
          "the request body exceeds the configured limit");
      case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type", detail);
      case 503 -> ProblemException.unavailable(detail == null
          ? "a backing service did not answer in time; retry later" : detail).problem();
      default -> status >= 400 && status < 500
          ? Problem.of(status, "client-error", "Client error", detail)
          : Problem.of(500, "internal", "Internal server error", "the server failed; the error is logged");
    };
  }

  private static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof TimeoutException
          || t instanceof ClosedConnectionException) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null && isUnavailableState(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }

  /** Connection exceptions, admin shutdown, cancelled (statement timeout), insufficient resources. */
  private static boolean isUnavailableState(String sqlState) {
    return sqlState.startsWith("08") || sqlState.startsWith("57") || sqlState.startsWith("53");
  }
}
