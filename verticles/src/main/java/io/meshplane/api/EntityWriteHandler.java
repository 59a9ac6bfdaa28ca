package io.meshplane.api;

import io.meshplane.catalog.ETags;
import io.meshplane.catalog.EntityIds;
import io.meshplane.catalog.EntityInput;
import io.meshplane.catalog.EntityInputParser;
import io.meshplane.catalog.EntityWriter;
import io.meshplane.catalog.Preconditions;
import io.meshplane.observability.Tracing;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** {@code PUT} and {@code DELETE /v1/entities/{id}}: everything is validated before anything is written. */
final class EntityWriteHandler {
  private final EntityWriter writer;

  EntityWriteHandler(EntityWriter writer) {
    this.writer = writer;
  }

  void put(RoutingContext ctx) {
    String id = EntityIds.require(ctx.pathParam("id"));
    Preconditions preconditions = preconditions(ctx);
    EntityInput input = EntityInputParser.parse(id, ctx.body().buffer());
    writer.upsert(id, input, preconditions, AccessControl.actor(ctx), Tracing.currentTraceparent())
        .onSuccess(result -> Replies.entity(ctx, result.created() ? 201 : 200, ETags.of(result.version()),
            result.json()))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    String id = EntityIds.require(ctx.pathParam("id"));
    writer.delete(id, preconditions(ctx), AccessControl.actor(ctx), Tracing.currentTraceparent())
        .onSuccess(version -> Replies.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static Preconditions preconditions(RoutingContext ctx) {
    return Preconditions.fromHeaders(ctx.request().getHeader(HttpHeaders.IF_MATCH),
        ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH));
  }
}
