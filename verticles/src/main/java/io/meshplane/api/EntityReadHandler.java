package io.meshplane.api;

import io.meshplane.cache.Lookup;
import io.meshplane.cache.Tier;
import io.meshplane.cache.TieredEntityCache;
import io.meshplane.catalog.ETags;
import io.meshplane.catalog.EntityIds;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.problem.ProblemException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /v1/entities/{id}} and the batch {@code GET /v1/entities?ids=}: the hot read path. */
final class EntityReadHandler {
  static final int MAX_BATCH = 100;
  private static final byte[] ITEMS_OPEN = "{\"items\":[".getBytes();
  private static final byte[] MISSING_OPEN = "],\"missing\":".getBytes();

  private final TieredEntityCache cache;

  EntityReadHandler(TieredEntityCache cache) {
    this.cache = cache;
  }

  void getOne(RoutingContext ctx) {
    String id = EntityIds.require(ctx.pathParam("id"));
    CachedEntity nearHit = cache.nearHit(id);
    if (nearHit != null) {
      respond(ctx, id, nearHit, Tier.L1);
      return;
    }
    cache.get(id).onSuccess(lookup -> respond(ctx, id, lookup.entry(), lookup.tier())).onFailure(ctx::fail);
  }

  void getBatch(RoutingContext ctx) {
    List<String> ids = batchIds(ctx.queryParam("ids"));
    cache.getAll(ids).onSuccess(found -> {
      if (!ctx.response().ended()) {
        respondBatch(ctx, found);
      }
    }).onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, String id, CachedEntity entry, Tier tier) {
    if (ctx.response().ended()) {
      return; // the request timeout answered first
    }
    HttpServerResponse response = ctx.response().putHeader(Headers.X_CACHE, Headers.xCache(tier));
    if (!entry.exists()) {
      ProblemResponder.send(ctx, ProblemException.notFound("entity '" + id + "' does not exist").problem());
      return;
    }
    response.putHeader(Headers.ETAG, ETags.of(entry.version()));
    String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && ETags.noneMatchHits(ifNoneMatch, entry.version())) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON).end(entry.body());
  }

  private static void respondBatch(RoutingContext ctx, Map<String, Lookup> found) {
    Buffer body = Buffer.buffer(256 * found.size() + 32).appendBytes(ITEMS_OPEN);
    List<String> missing = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<String, Lookup> e : found.entrySet()) {
      CachedEntity entry = e.getValue().entry();
      if (!entry.exists()) {
        missing.add(e.getKey());
        continue;
      }
      if (!first) {
        body.appendByte((byte) ',');
      }
      body.appendBytes(entry.json());
      first = false;
    }
    body.appendBytes(MISSING_OPEN).appendBuffer(new JsonArray(missing).toBuffer())
        .appendByte((byte) '}');
    ctx.response().putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON).end(body);
  }

  private static List<String> batchIds(List<String> params) {
    if (params.isEmpty()) {
      throw ProblemException.badRequest("query parameter 'ids' is required: a comma-separated list of ids");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String param : params) {
      for (String id : param.split(",", -1)) {
        ids.add(EntityIds.require(id.trim()));
        if (ids.size() > MAX_BATCH) {
          throw ProblemException.badRequest("at most " + MAX_BATCH + " ids per batch");
        }
      }
    }
    return new ArrayList<>(ids);
  }
}
