package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import io.meshplane.schema.AttributeValidator;
import io.meshplane.schema.AttributeValidators;
import io.meshplane.storage.EntityRows;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts of distinct ids committed in one transaction, so that a batch costs one WAL flush and five round trips
 * however many writes it holds. The ids are locked in one stable order (two batches cannot deadlock) and read at
 * once; each upsert is then judged alone — a failed precondition or schema check refuses that upsert only — and the
 * accepted ones are written as three statement batches: entity rows, event-log entries, outbox rows.
 */
final class UpsertBatch {
  private final List<PendingUpsert> upserts;
  private final AttributeValidators validators;
  private final WriteResult[] results;
  private final ProblemException[] refusals;

  UpsertBatch(List<PendingUpsert> upserts, AttributeValidators validators) {
    this.upserts = upserts;
    this.validators = validators;
    this.results = new WriteResult[upserts.size()];
    this.refusals = new ProblemException[upserts.size()];
  }

  /** Runs inside the transaction; fails only when the transaction must roll back. */
  Future<Void> run(SqlConnection conn) {
    Tuple ids = Tuple.tuple().addArrayOfString(upserts.stream().map(PendingUpsert::id).toArray(String[]::new));
    Future<RowSet<Row>> locked = conn.preparedQuery(SqlQueries.LOCK_ENTITY_IDS).execute(ids);
    Future<RowSet<Row>> read = conn.preparedQuery(SqlQueries.SELECT_ENTITIES).execute(ids);
    return Future.all(locked, read)
        .compose(ok -> judge(conn, byId(read.result())))
        .compose(current -> write(conn, current))
        .compose(changes -> record(conn, changes));
  }

  /** After the commit: every upsert learns its outcome. */
  void settle() {
    for (int i = 0; i < upserts.size(); i++) {
      if (refusals[i] != null) {
        upserts.get(i).result().tryFail(refusals[i]);
      } else {
        upserts.get(i).result().tryComplete(results[i]);
      }
    }
  }

  /** Preconditions and schemas, per upsert; answers the current rows (null where none) of the accepted ones. */
  private Future<Row[]> judge(SqlConnection conn, Map<String, Row> rows) {
    Row[] current = new Row[upserts.size()];
    List<Future<Void>> checks = new ArrayList<>(upserts.size());
    for (int i = 0; i < upserts.size(); i++) {
      PendingUpsert upsert = upserts.get(i);
      Row row = rows.get(upsert.id());
      current[i] = row;
      try {
        upsert.preconditions().check(row == null ? 0 : row.getLong("version"), exists(row));
        checks.add(validateAttributes(conn, upsert.input()));
      } catch (ProblemException refused) {
        checks.add(Future.failedFuture(refused));
      }
    }
    return Future.join(checks).transform(joined -> {
      for (int i = 0; i < checks.size(); i++) {
        Throwable failure = checks.get(i).cause();
        if (failure instanceof ProblemException refused) {
          refusals[i] = refused;
        } else if (failure != null) {
          return Future.failedFuture(failure);
        }
      }
      return Future.succeededFuture(current);
    });
  }

  /** Attributes that name a schema must conform to it; checked on the transaction's connection, before any write. */
  private Future<Void> validateAttributes(SqlConnection conn, EntityInput input) {
    var ref = input.schemaRef();
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

  /** Inserts the new ids and updates the others, both batches in flight together; answers what changed. */
  private Future<List<EntityChange>> write(SqlConnection conn, Row[] current) {
    List<Integer> inserts = new ArrayList<>();
    List<Integer> updates = new ArrayList<>();
    for (int i = 0; i < upserts.size(); i++) {
      if (refusals[i] == null) {
        (current[i] == null ? inserts : updates).add(i);
      }
    }
    Future<RowSet<Row>> inserted = executeBatch(conn, SqlQueries.INSERT_ENTITY, inserts);
    Future<RowSet<Row>> updated = executeBatch(conn, SqlQueries.UPDATE_ENTITY, updates);
    return Future.all(inserted, updated).map(ok -> {
      List<EntityChange> changes = new ArrayList<>();
      collect(inserted.result(), inserts, current, changes);
      collect(updated.result(), updates, current, changes);
      return changes;
    });
  }

  private Future<RowSet<Row>> executeBatch(SqlConnection conn, String sql, List<Integer> indexes) {
    if (indexes.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> tuples = new ArrayList<>(indexes.size());
    for (int i : indexes) {
      tuples.add(entityTuple(upserts.get(i).id(), upserts.get(i).input()));
    }
    return conn.preparedQuery(sql).executeBatch(tuples);
  }

  /** One result set per statement of the batch, in order: a row where the upsert changed something. */
  private void collect(RowSet<Row> first, List<Integer> indexes, Row[] current, List<EntityChange> changes) {
    RowSet<Row> rows = first;
    for (int i : indexes) {
      var it = rows.iterator();
      Row stored = it.hasNext() ? it.next() : null;
      Row before = current[i];
      if (stored == null) {
        results[i] = new WriteResult(EntityRows.json(before), before.getLong("version"), false, false);
      } else {
        byte[] json = EntityRows.json(stored);
        long version = stored.getLong("version");
        boolean existed = exists(before);
        results[i] = new WriteResult(json, version, !existed, true);
        PendingUpsert upsert = upserts.get(i);
        changes.add(new EntityChange(upsert.id(), existed ? EntityChangeKind.UPDATED : EntityChangeKind.CREATED,
            version, existed ? EntityRows.json(before) : null, json, upsert.origin()));
      }
      rows = rows.next();
    }
  }

  /** The event-log entries and outbox rows of every change, as two statement batches in flight together. */
  private Future<Void> record(SqlConnection conn, List<EntityChange> changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> events = new ArrayList<>(changes.size());
    List<Tuple> outbox = new ArrayList<>(changes.size());
    for (EntityChange change : changes) {
      events.add(change.eventLogTuple());
      outbox.add(change.outboxTuple());
    }
    return Future.all(conn.preparedQuery(SqlQueries.INSERT_EVENT).executeBatch(events),
        conn.preparedQuery(SqlQueries.INSERT_OUTBOX).executeBatch(outbox)).mapEmpty();
  }

  private static Map<String, Row> byId(RowSet<Row> rows) {
    Map<String, Row> byId = new HashMap<>();
    rows.forEach(row -> byId.put(row.getString("id"), row));
    return byId;
  }

  private static boolean exists(Row row) {
    return row != null && !EntityRows.isTombstone(row);
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

}
