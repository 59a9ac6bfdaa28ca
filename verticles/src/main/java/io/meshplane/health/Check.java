package io.meshplane.health;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * One dependency check. A failing critical check makes the node not ready; a failing optional one (a cache tier the
 * node can serve without) only marks it degraded.
 */
public record Check(String name, boolean critical, Supplier<Future<JsonObject>> probe) {}
