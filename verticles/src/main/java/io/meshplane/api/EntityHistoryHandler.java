package io.meshplane.api;

import io.meshplane.catalog.EntityIds;
import io.meshplane.catalog.EventLogReader;
import io.meshplane.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/entities/{id}/history?limit=&cursor=}. */
final class EntityHistoryHandler {
  private static final int DEFAULT_LIMIT = 20;

  private final EventLogReader reader;

  EntityHistoryHandler(EventLogReader reader) {
    this.reader = reader;
  }

  void get(RoutingContext ctx) {
    String id = EntityIds.require(ctx.pathParam("id"));
    int limit = limit(ctx.queryParams().get("limit"));
    reader.history(id, limit, ctx.queryParams().get("cursor"))
        .onSuccess(page -> Replies.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private static int limit(String text) {
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= EventLogReader.MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ProblemException.badRequest("'limit' must be an integer from 1 to " + EventLogReader.MAX_LIMIT);
  }
}
