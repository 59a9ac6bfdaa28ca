package io.meshplane.api;

import io.meshplane.problem.Problem;
import io.meshplane.problem.ProblemException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-client token buckets shared by every event loop of the node: {@code rate} writes per second, bursts up to twice
 * that. A client over its rate gets 429 with {@code Retry-After}, before anything is read or written.
 */
public final class WriteRateLimiter implements Handler<RoutingContext> {
  private static final int MAX_CLIENTS = 100_000;

  private final double ratePerNano;
  private final double burst;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public WriteRateLimiter(int writesPerSecond) {
    this.ratePerNano = writesPerSecond / 1e9;
    this.burst = 2.0 * writesPerSecond;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ratePerNano == 0) {
      ctx.next();
      return;
    }
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear(); // a flood of distinct clients must not exhaust memory; they all start full again
    }
    Bucket bucket = buckets.computeIfAbsent(client(ctx), k -> new Bucket(burst));
    if (bucket.take(System.nanoTime(), ratePerNano, burst)) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Retry-After", "1");
    ctx.fail(new ProblemException(Problem.of(429, "too-many-requests", "Too many requests",
        "this client is over its write rate; retry after a second")));
  }

  private static String client(RoutingContext ctx) {
    String actor = AccessControl.actor(ctx);
    return actor != null ? "sub:" + actor : "ip:" + ctx.request().remoteAddress().hostAddress();
  }

  /** Tokens refill continuously; taking one either succeeds now or not at all. */
  private static final class Bucket {
    private double tokens;
    private long refilledAt;

    Bucket(double tokens) {
      this.tokens = tokens;
      this.refilledAt = System.nanoTime();
    }

    synchronized boolean take(long now, double ratePerNano, double burst) {
      tokens = Math.min(burst, tokens + (now - refilledAt) * ratePerNano);
      refilledAt = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }
}
