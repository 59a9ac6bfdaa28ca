package io.meshplane.catalog;

import io.meshplane.cache.TieredEntityCache;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.problem.ProblemException;
import io.meshplane.schema.AttributeValidators;
import io.meshplane.storage.EntityRows;
import io.meshplane.storage.SqlQueries;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Commits entity changes. Upserts go through the event loop's {@link GroupCommit}; a delete is one transaction of its
 * own. Either way a write holds its id's lock, checks the preconditions (and the attributes against their schema),
 * writes the row, appends the event log and the outbox. Only after the commit are the caches moved to the new
 * version, so no cache ever holds a version the database does not.
 */
public final class EntityWriter {
  private final Pool pool;
  private final GroupCommit upserts;
  private final TieredEntityCache cache;
  private final GraphChanges graphChanges;

  /** {@code maxInFlight} upsert transactions run at once, each of up to {@code maxBatch} upserts. */
  public EntityWriter(Pool pool, TieredEntityCache cache, GraphChanges graphChanges, int maxInFlight, int maxBatch,
      MeterRegistry registry) {
    this.pool = pool;
    this.upserts = new GroupCommit(pool, new AttributeValidators(), maxInFlight, maxBatch,
        DistributionSummary.builder("meshplane.write.batch.size")
            .description("entity upserts committed together in one transaction")
            .register(registry));
    this.cache = cache;
    this.graphChanges = graphChanges;
  }

  /** {@code traceparent}: the W3C trace of the request, carried by the event-log and outbox rows (may be null). */
  public Future<WriteResult> upsert(String id, EntityInput input, Preconditions preconditions, String actor,
      String traceparent) {
    return upserts.submit(id, input, preconditions, new Origin(actor, traceparent))
        .compose(result -> !result.changed() ? Future.succeededFuture(result)
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
        return record(conn, new EntityChange(id, EntityChangeKind.DELETED, version, EntityRows.json(current),
            null, new Origin(actor, traceparent))).map(version);
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

  /** The event-log and outbox rows of one change, sent together on the transaction's connection. */
  private static Future<Void> record(SqlConnection conn, EntityChange change) {
    return Future.all(conn.preparedQuery(SqlQueries.INSERT_EVENT).execute(change.eventLogTuple()),
        conn.preparedQuery(SqlQueries.INSERT_OUTBOX).execute(change.outboxTuple())).mapEmpty();
  }

  private static Row first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
