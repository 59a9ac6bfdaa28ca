package io.meshplane.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs every check concurrently, each bounded by a timeout, and sums them up as UP, DEGRADED or DOWN. */
public final class Readiness {
  private final List<Check> checks;
  private final long timeoutMs;

  public Readiness(List<Check> checks, long timeoutMs) {
    this.checks = List.copyOf(checks);
    this.timeoutMs = timeoutMs;
  }

  /** {@code {"status": "UP"|"DEGRADED"|"DOWN", "checks": {name: {"status", …}}}}. */
  public Future<JsonObject> evaluate() {
    List<Future<JsonObject>> results = checks.stream().map(this::run).toList();
    return Future.join(results).transform(ignored -> {
      JsonObject byName = new JsonObject();
      boolean down = false;
      boolean degraded = false;
      for (int i = 0; i < checks.size(); i++) {
        JsonObject result = results.get(i).result();
        byName.put(checks.get(i).name(), result);
        if (!"UP".equals(result.getString("status"))) {
          down |= checks.get(i).critical();
          degraded |= !checks.get(i).critical();
        }
      }
      String status = down ? "DOWN" : degraded ? "DEGRADED" : "UP";
      return Future.succeededFuture(new JsonObject().put("status", status).put("checks", byName));
    });
  }

  private Future<JsonObject> run(Check check) {
    Future<JsonObject> probe;
    try {
      probe = check.probe().get();
    } catch (RuntimeException e) {
      probe = Future.failedFuture(e);
    }
    return probe.timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .map(details -> details.copy().put("status", "UP"))
        .otherwise(e -> new JsonObject().put("status", "DOWN").put("error", String.valueOf(e.getMessage())));
  }
}
