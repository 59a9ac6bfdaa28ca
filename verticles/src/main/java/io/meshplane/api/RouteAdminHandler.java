package io.meshplane.api;

import io.meshplane.catalog.JsonBodies;
import io.meshplane.problem.ProblemException;
import io.meshplane.routing.CompiledRoute;
import io.meshplane.routing.RouteDefinitionParser;
import io.meshplane.routing.RouteStore;
import io.meshplane.routing.StoredRoute;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET/PUT/DELETE /v1/routes[/{name}]}. A PUT is compiled before it is stored, so a rule that cannot run is a
 * 400 with the reason and never reaches the routers.
 */
final class RouteAdminHandler {
  private final RouteStore store;

  RouteAdminHandler(RouteStore store) {
    this.store = store;
  }

  void list(RoutingContext ctx) {
    store.list().onSuccess(routes -> Replies.json(ctx, 200, new JsonObject()
            .put("items", new JsonArray(routes.stream().map(StoredRoute::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    String name = RouteDefinitionParser.requireName(ctx.pathParam("name"));
    store.find(name)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("route '" + name + "' does not exist")))
        .onSuccess(route -> Replies.json(ctx, 200, route.toJson()))
        .onFailure(ctx::fail);
  }

  void put(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    CompiledRoute route = RouteDefinitionParser.parse(name, 0, JsonBodies.parseObject(ctx.body().buffer()));
    store.save(route)
        .onSuccess(saved -> Replies.json(ctx, saved.created() ? 201 : 200, saved.route().toJson()))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    String name = RouteDefinitionParser.requireName(ctx.pathParam("name"));
    store.delete(name)
        .map(deleted -> {
          if (!deleted) {
            throw ProblemException.notFound("route '" + name + "' does not exist");
          }
          return null;
        })
        .onSuccess(deleted -> Replies.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
