package io.meshplane.schema;

import io.meshplane.problem.ProblemException;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schemas per subject in {@code mp_schema}. A registration is one transaction holding a per-subject lock:
 * an identical definition (same fingerprint) answers the version it already has; otherwise the candidate must be
 * compatible with the latest version under the subject's mode, and becomes version latest + 1.
 */
public final class SchemaRegistry {
  private static final int MAX_REPORTED = 5;

  private final Pool writer;
  private final SqlClient reader;

  public SchemaRegistry(Pool writer, SqlClient reader) {
    this.writer = writer;
    this.reader = reader;
  }

  public Future<Registered> register(SchemaRegistration registration) {
    String subject = registration.subject();
    String fingerprint = registration.definition().fingerprint();
    return writer.withTransaction(conn -> conn.preparedQuery(SqlQueries.LOCK_SCHEMA_SUBJECT).execute(Tuple.of(subject))
        .compose(locked -> conn.preparedQuery(SqlQueries.SELECT_SCHEMA_BY_FINGERPRINT)
            .execute(Tuple.of(subject, fingerprint)))
        .compose(same -> same.size() > 0
            ? Future.succeededFuture(new Registered(RegisteredSchema.fromRow(first(same)), false))
            : insertNextVersion(conn, registration, fingerprint)));
  }

  public Future<RegisteredSchema> version(String subject, int version) {
    return reader.preparedQuery(SqlQueries.SELECT_SCHEMA).execute(Tuple.of(subject, version))
        .map(rows -> found(rows, "schema '" + subject + "' has no version " + version));
  }

  public Future<RegisteredSchema> latest(String subject) {
    return reader.preparedQuery(SqlQueries.SELECT_LATEST_SCHEMA).execute(Tuple.of(subject))
        .map(rows -> found(rows, noSuchSubject(subject)));
  }

  public Future<List<Integer>> versions(String subject) {
    return reader.preparedQuery(SqlQueries.SELECT_SCHEMA_VERSIONS).execute(Tuple.of(subject)).map(rows -> {
      if (rows.size() == 0) {
        throw ProblemException.notFound(noSuchSubject(subject));
      }
      List<Integer> versions = new ArrayList<>(rows.size());
      rows.forEach(row -> versions.add(row.getInteger("version")));
      return versions;
    });
  }

  public Future<List<String>> subjects() {
    return reader.preparedQuery(SqlQueries.SELECT_SCHEMA_SUBJECTS).execute().map(rows -> {
      List<String> subjects = new ArrayList<>(rows.size());
      rows.forEach(row -> subjects.add(row.getString("subject")));
      return subjects;
    });
  }

  private static Future<Registered> insertNextVersion(SqlConnection conn, SchemaRegistration registration,
      String fingerprint) {
    return conn.preparedQuery(SqlQueries.SELECT_LATEST_SCHEMA).execute(Tuple.of(registration.subject()))
        .compose(rows -> {
          Row row = first(rows);
          RegisteredSchema latest = row == null ? null : RegisteredSchema.fromRow(row);
          CompatibilityMode mode = modeOf(registration, latest);
          if (latest != null) {
            requireCompatible(mode, latest, registration.definition());
          }
          SchemaDefinition definition = registration.definition();
          return conn.preparedQuery(SqlQueries.INSERT_SCHEMA)
              .execute(Tuple.of(registration.subject(), latest == null ? 1 : latest.version() + 1,
                  definition.format().wireName(), definition.storedText(), fingerprint, mode.name()))
              .map(inserted -> new Registered(RegisteredSchema.fromRow(first(inserted)), true));
        });
  }

  /** The request's mode if it names one, else the subject's: that of its latest version. */
  private static CompatibilityMode modeOf(SchemaRegistration registration, RegisteredSchema latest) {
    if (registration.compatibility() != null) {
      return registration.compatibility();
    }
    return latest == null ? CompatibilityMode.DEFAULT : latest.compatibility();
  }

  private static void requireCompatible(CompatibilityMode mode, RegisteredSchema latest, SchemaDefinition candidate) {
    List<String> issues = CompatibilityCheck.incompatibilities(mode, latest.definition(), candidate);
    if (!issues.isEmpty()) {
      throw ProblemException.conflict("the schema is not " + mode + " compatible with version " + latest.version()
          + " of '" + latest.subject() + "': " + String.join("; ", ValidationErrors.limit(issues, MAX_REPORTED)));
    }
  }

  private static RegisteredSchema found(RowSet<Row> rows, String missing) {
    Row row = first(rows);
    if (row == null) {
      throw ProblemException.notFound(missing);
    }
    return RegisteredSchema.fromRow(row);
  }

  private static String noSuchSubject(String subject) {
    return "schema subject '" + subject + "' has no versions";
  }

  private static Row first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? it.next() : null;
  }

  /** The outcome of a registration: the version, and whether this request created it. */
  public record Registered(RegisteredSchema schema, boolean created) {}
}
