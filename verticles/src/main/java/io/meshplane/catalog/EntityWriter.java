package io.meshplane.catalog;

import io.meshplane.cache.TieredEntityCache;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.codecs.entity.SchemaRef;
import io.meshplane.observability.Tracing;
import io.meshplane.problem.ProblemException;
import io.meshplane.schema.AttributeValidator;
import io.meshplane.schema.AttributeValidators;
import io.meshplane.storage.EntityRows;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Commits entity changes. Each write is one transaction holding a per-id lock: read the current row, check the
 * preconditions and the attributes against their schema, write the row, append the event log and the outbox. Only
 * after the commit are the caches moved to the new version, so no cache ever holds a version the database does not.
 */
public final class EntityWriter {
  private final Pool pool;
  private final TieredEntityCache cache;
  private final AttributeValidators validators;
  private final GraphChanges graphChanges;

  public EntityWriter(Pool pool, TieredEntityCache cache, AttributeValidators validators, GraphChanges graphChanges) {
    this.pool = pool;
    this.cache = cache;
    this.validators = validators;
    this.graphChanges = graphChanges;
  }

  /** {@code traceparent}: the W3C trace of the request, carried by the event-log and outbox rows (may be null). */
  public Future<WriteResult> upsert(String id, EntityInput input, Preconditions preconditions, String actor,
      String traceparent) {
    return pool.withTransaction(conn -> lockAndRead(conn, id).compose(current -> {
      boolean exists = current != null && !EntityRows.isTombstone(current);
      preconditions.check(current == null ? 0 : current.getLong("version"), exists);
      return validateAttributes(conn, input)
          .compose(ok -> current == null
              ? conn.preparedQuery(SqlQueries.INSERT_ENTITY).execute(entityTuple(id, input))
              : conn.preparedQuery(SqlQueries.UPDATE_ENTITY).execute(entityTuple(id, input)))
          .compose(written -> {
            Row stored = first(written);
            if (stored == null) {
              return Future.succeededFuture(unchanged(current));
            }
            byte[] json = EntityRows.toCacheEntry(stored).json();
            EntityChangeKind kind = exists ? EntityChangeKind.UPDATED : EntityChangeKind.CREATED;
            return record(conn, id, kind, stored.getLong("version"), exists ? jsonOf(current) : null, json,
                new Origin(actor, traceparent))
                .map(new WriteResult(json, stored.getLong("version"), !exists, true));
          });
    })).compose(result -> !result.changed() ? Future.succeededFuture(result)
        // a revived tombstone brings its old edges back into lineage answers
        : cache.publish(id, CachedEntity.present(result.version(), result.json()))
            .compose(published -> result.created() ? graphChanged() : Future.succeededFuture())
            .map(result));
  }

  /** Tombstones the entity; answers the tombstone's version. */
  public Future<Long> delete(String id, Preconditions preconditions, String actor, String traceparent) {
    return pool.withTransaction(conn -> lockAndRead(conn, id).compose(current -> {
      if (current == null || EntityRows.isTombstone(current)) {
        throw ProblemException.notFound("entity '" + id + "' does not exist");
      }
      preconditions.check(current.getLong("version"), true);
      return conn.preparedQuery(SqlQueries.TOMBSTONE_ENTITY).execute(Tuple.of(id)).compose(rows -> {
        long version = first(rows).getLong("version");
        return record(conn, id, EntityChangeKind.DELETED, version, jsonOf(current), null,
            new Origin(actor, traceparent)).map(version);
      });
    })).compose(version -> cache.publish(id, CachedEntity.tombstone(version))
        // a deleted entity must leave cached lineage answers at once
        .compose(published -> graphChanged())
        .map(version));
  }

  /** Never fails a committed write: answers cached before a failed invalidation expire on their own. */
  private Future<Void> graphChanged() {
    return graphChanges.changed().recover(e -> Future.succeededFuture());
  }

  private static Future<Row> lockAndRead(SqlConnection conn, String id) {
    return conn.preparedQuery(SqlQueries.LOCK_ENTITY_ID).execute(Tuple.of(id))
        .compose(locked -> conn.preparedQuery(SqlQueries.SELECT_ENTITY).execute(Tuple.of(id)))
        .map(EntityWriter::first);
  }

  /** Attributes that name a schema must conform to it; checked on the transaction's connection, before any write. */
  private Future<Void> validateAttributes(SqlConnection conn, EntityInput input) {
    SchemaRef ref = input.schemaRef();
    if (ref == null) {
      return Future.succeededFuture();
    }
    return validators.forRef(conn, ref).map(found -> {
      String schema = "schema '" + ref.subject() + "' version " + ref.version();
      AttributeValidator validator = found.orElseThrow(() -> ProblemException.unprocessable(
          "schemaRef names " + schema + ", which is not registered"));
      List<String> violations = validator.violations(new JsonObject(input.attributesJson()));
      if (!violations.isEmpty()) {
        throw ProblemException.unprocessable("attributes do not conform to " + schema + ": "
            + String.join("; ", violations));
      }
      return null;
    });
  }

  /** The event-log and outbox rows of one change, sent together on the transaction's connection. */
  private static Future<Void> record(SqlConnection conn, String id, EntityChangeKind kind, long version,
      byte[] before, byte[] after, Origin origin) {
    Future<RowSet<Row>> event = conn.preparedQuery(SqlQueries.INSERT_EVENT)
        .execute(Tuple.of(id, kind.eventLogKind(), version, text(before), text(after), origin.actor(),
            origin.traceId()));
    Future<RowSet<Row>> outbox = conn.preparedQuery(SqlQueries.INSERT_OUTBOX)
        .execute(Tuple.of(id, kind.cloudEventType(), version, version - 1, text(after != null ? after : before),
            origin.traceparent()));
    return Future.all(event, outbox).mapEmpty();
  }

  /** Who made a change and in which trace: the event log keeps the trace id, the outbox the whole traceparent. */
  private record Origin(String actor, String traceparent) {
    String traceId() {
      return Tracing.traceId(traceparent);
    }
  }

  private static Tuple entityTuple(String id, EntityInput input) {
    return Tuple.tuple()
        .addString(id)
        .addString(input.type())
        .addString(input.domain())
        .addString(input.sourceSystem())
        .addString(input.owner())
        .addArrayOfString(input.tags().toArray(String[]::new))
        .addString(input.attributesJson())
        .addString(input.schemaRef() == null ? null : input.schemaRef().subject())
        .addInteger(input.schemaRef() == null ? null : input.schemaRef().version());
  }

  private static WriteResult unchanged(Row current) {
    return new WriteResult(jsonOf(current), current.getLong("version"), false, false);
  }

  private static byte[] jsonOf(Row row) {
    return EntityRows.toCacheEntry(row).json();
  }

  private static String text(byte[] json) {
    return json == null ? null : new String(json, StandardCharsets.UTF_8);
  }

  private static Row first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
