package io.meshplane.catalog;

import io.meshplane.observability.Tracing;
import io.meshplane.problem.ProblemException;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;

/**
 * Commits relationship and lineage changes like entity changes: one transaction, locked on the {@code from} entity,
 * both ends checked to be live entities, the edge row, then an event-log row (on the {@code from} entity's history) and
 * an outbox row (ordered with that entity's changes). An unchanged edge records nothing.
 */
public final class EdgeWriter {
  private final Pool pool;
  private final GraphChanges graphChanges;

  public EdgeWriter(Pool pool, GraphChanges graphChanges) {
    this.pool = pool;
    this.graphChanges = graphChanges;
  }

  /** True when the edge was created, false when it existed (changed or not). */
  public Future<Boolean> put(Edge edge, String actor, String traceparent) {
    return pool.withTransaction(conn -> lockAndCheckEnds(conn, edge)
        .compose(ok -> upsert(conn, edge))
        .compose(rows -> {
          var it = rows.iterator();
          if (!it.hasNext()) {
            return Future.succeededFuture(false);
          }
          boolean created = it.next().getBoolean("created");
          return record(conn, edge, created ? ".added" : ".updated", actor, traceparent).map(created);
        })).compose(created -> lineageChanged(edge).map(created));
  }

  /** 404 when there is no such edge. */
  public Future<Void> delete(Edge edge, String actor, String traceparent) {
    return pool.withTransaction(conn -> conn.preparedQuery(SqlQueries.LOCK_ENTITY_ID).execute(Tuple.of(edge.from()))
        .compose(locked -> edge.kind() == Edge.Kind.RELATIONSHIP
            ? conn.preparedQuery(SqlQueries.DELETE_RELATIONSHIP).execute(Tuple.of(edge.from(), edge.type(), edge.to()))
            : conn.preparedQuery(SqlQueries.DELETE_LINEAGE).execute(Tuple.of(edge.from(), edge.to())))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw ProblemException.notFound("no such " + edge.kind().eventPrefix);
          }
          return record(conn, edge, ".removed", actor, traceparent);
        })).compose(removed -> lineageChanged(edge));
  }

  /** Only lineage edges shape lineage answers; never fails a committed write (cached answers expire on their own). */
  private Future<Void> lineageChanged(Edge edge) {
    return edge.kind() != Edge.Kind.LINEAGE ? Future.succeededFuture()
        : graphChanges.changed().recover(e -> Future.succeededFuture());
  }

  private static Future<Void> lockAndCheckEnds(SqlConnection conn, Edge edge) {
    return conn.preparedQuery(SqlQueries.LOCK_ENTITY_ID).execute(Tuple.of(edge.from()))
        .compose(locked -> conn.preparedQuery(SqlQueries.SELECT_LIVE_IDS)
            .execute(Tuple.of(new String[] {edge.from(), edge.to()})))
        .map(rows -> {
          Set<String> live = new HashSet<>();
          rows.forEach(row -> live.add(row.getString("id")));
          for (String end : new String[] {edge.from(), edge.to()}) {
            if (!live.contains(end)) {
              throw ProblemException.unprocessable("entity '" + end + "' does not exist");
            }
          }
          return null;
        });
  }

  private static Future<RowSet<Row>> upsert(SqlConnection conn, Edge edge) {
    return edge.kind() == Edge.Kind.RELATIONSHIP
        ? conn.preparedQuery(SqlQueries.UPSERT_RELATIONSHIP)
            .execute(Tuple.of(edge.from(), edge.type(), edge.to(), edge.details().encode()))
        : conn.preparedQuery(SqlQueries.UPSERT_LINEAGE).execute(Tuple.of(edge.from(), edge.to(),
            edge.details().getString("transformation"), edge.details().getString("job")));
  }

  private static Future<Void> record(SqlConnection conn, Edge edge, String change, String actor, String traceparent) {
    String kind = edge.kind().eventPrefix + change;
    String json = edge.toJson().encode();
    boolean removed = change.equals(".removed");
    String traceId = Tracing.traceId(traceparent);
    return conn.query(SqlQueries.NEXT_EDGE_CHANGE).execute().map(rows -> rows.iterator().next().getLong(0))
        .compose(number -> Future.all(
            conn.preparedQuery(SqlQueries.INSERT_EVENT).execute(Tuple.of(edge.from(), kind, number,
                removed ? json : null, removed ? null : json, actor, traceId)),
            conn.preparedQuery(SqlQueries.INSERT_OUTBOX).execute(Tuple.of(edge.from(),
                edge.kind().cloudEventPrefix + (removed ? ".deleted" : ".upserted"), number, null, json, traceparent))))
        .mapEmpty();
  }
}
