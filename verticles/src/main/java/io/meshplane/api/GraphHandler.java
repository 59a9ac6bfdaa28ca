package io.meshplane.api;

import io.meshplane.cache.Tier;
import io.meshplane.catalog.Edge;
import io.meshplane.catalog.EdgeWriter;
import io.meshplane.catalog.EntityIds;
import io.meshplane.catalog.JsonBodies;
import io.meshplane.graph.GraphReader;
import io.meshplane.graph.LineageCache;
import io.meshplane.observability.Tracing;
import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.Function;

/** Relationships and lineage: {@code PUT/DELETE /v1/relationships}, {@code /v1/lineage} and the two graph reads. */
final class GraphHandler {
  private static final Set<String> RELATIONSHIP_DIRECTIONS = Set.of("out", "in", "both");
  private static final int DEFAULT_DEPTH = 3;

  private final EdgeWriter writer;
  private final GraphReader reader;
  private final LineageCache lineageCache;

  GraphHandler(EdgeWriter writer, GraphReader reader, LineageCache lineageCache) {
    this.writer = writer;
    this.reader = reader;
    this.lineageCache = lineageCache;
  }

  void putRelationship(RoutingContext ctx) {
    put(ctx, Edge::relationship);
  }

  void deleteRelationship(RoutingContext ctx) {
    delete(ctx, Edge::relationship);
  }

  void putLineage(RoutingContext ctx) {
    put(ctx, Edge::lineage);
  }

  void deleteLineage(RoutingContext ctx) {
    delete(ctx, Edge::lineage);
  }

  void relationships(RoutingContext ctx) {
    String id = EntityIds.require(ctx.pathParam("id"));
    String direction = ctx.queryParams().get("direction") == null ? "both" : ctx.queryParams().get("direction");
    if (!RELATIONSHIP_DIRECTIONS.contains(direction)) {
      throw ProblemException.badRequest("'direction' must be out, in or both");
    }
    reader.relationships(id, direction, ctx.queryParams().get("type"))
        .onSuccess(page -> Replies.json(ctx, 200, page)).onFailure(ctx::fail);
  }

  void lineage(RoutingContext ctx) {
    String id = EntityIds.require(ctx.pathParam("id"));
    String direction = ctx.queryParams().get("direction") == null ? "downstream" : ctx.queryParams().get("direction");
    if (!direction.equals("upstream") && !direction.equals("downstream")) {
      throw ProblemException.badRequest("'direction' must be upstream or downstream");
    }
    int depth = depth(ctx.queryParams().get("depth"));
    lineageCache.get(id + "|" + direction + "|" + depth,
            () -> reader.lineage(id, direction.equals("downstream"), depth))
        .onSuccess(answer -> {
          ctx.response().putHeader(Headers.X_CACHE, Headers.xCache(answer.cached() ? Tier.L1 : Tier.L3));
          Replies.json(ctx, 200, answer.graph());
        })
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx, Function<JsonObject, Edge> parse) {
    Edge edge = parse.apply(JsonBodies.parseObject(ctx.body().buffer()));
    writer.put(edge, AccessControl.actor(ctx), Tracing.currentTraceparent())
        .onSuccess(created -> Replies.json(ctx, created ? 201 : 200, edge.toJson())).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx, Function<JsonObject, Edge> parse) {
    Edge edge = parse.apply(JsonBodies.parseObject(ctx.body().buffer()));
    writer.delete(edge, AccessControl.actor(ctx), Tracing.currentTraceparent())
        .onSuccess(deleted -> Replies.noContent(ctx)).onFailure(ctx::fail);
  }

  private static int depth(String text) {
    if (text == null) {
      return DEFAULT_DEPTH;
    }
    try {
      int depth = Integer.parseInt(text);
      if (depth >= 1 && depth <= GraphReader.MAX_DEPTH) {
        return depth;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.badRequest("'depth' must be an integer from 1 to " + GraphReader.MAX_DEPTH);
  }
}
