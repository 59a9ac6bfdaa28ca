package io.meshplane.catalog;

import io.meshplane.cache.TieredEntityCache;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.problem.ProblemException;
import io.meshplane.storage.EntityRows;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;

/**
 * Commits entity changes. Each write is one transaction holding a per-id lock: read the current row, check the
 * preconditions, write the row, append the event log and the outbox. Only after the commit are the caches moved to the
 * new version, so no cache ever holds a version the database does not.
 */
public final class EntityWriter {
  private final Pool pool;
  private final TieredEntityCache cache;

  public EntityWriter(Pool pool, TieredEntityCache cache) {
    this.pool = pool;
    this.cache = cache;
  }

  /** {@code traceparent}: the W3C trace of the request, carried by the event-log and outbox rows (may be null). */
  public Future<WriteResult> upsert(String id, EntityInput input, Preconditions preconditions, String actor,
      String traceparent) {
    return pool.withTransaction(conn -> lockAndRead(conn, id).compose(current -> {
      boolean exists = current != null && !EntityRows.isTombstone(current);
      preconditions.check(current == null ? 0 : current.getLong("version"), exists);
      return checkSchemaRef(conn, input)
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
    })).compose(result -> result.changed()
        ? cache.publish(id, CachedEntity.present(result.version(), result.json())).map(result)
        : Future.succeededFuture(result));
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
    })).compose(version -> cache.publish(id, CachedEntity.tombstone(version)).map(version));
  }

  private static Future<Row> lockAndRead(SqlConnection conn, String id) {
    return conn.preparedQuery(SqlQueries.LOCK_ENTITY_ID).execute(Tuple.of(id))
        .compose(locked -> conn.preparedQuery(SqlQueries.SELECT_ENTITY).execute(Tuple.of(id)))
        .map(EntityWriter::first);
  }

  private static Future<Void> checkSchemaRef(SqlConnection conn, EntityInput input) {
    if (input.schemaRef() == null) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(SqlQueries.SCHEMA_EXISTS)
        .execute(Tuple.of(input.schemaRef().subject(), input.schemaRef().version()))
        .map(rows -> {
          if (rows.size() == 0) {
            throw ProblemException.unprocessable("schemaRef names schema '" + input.schemaRef().subject()
                + "' version " + input.schemaRef().version() + ", which is not registered");
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
      return traceparent == null ? null : traceparent.split("-")[1];
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
