package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/** Pages through an entity's event log, newest first, with an opaque cursor. */
public final class EventLogReader {
  public static final int MAX_LIMIT = 100;
  private static final String CURSOR_PREFIX = "seq:";

  private final PreparedQuery<RowSet<Row>> selectHistory;

  public EventLogReader(SqlClient client) {
    this.selectHistory = client.preparedQuery(SqlQueries.SELECT_HISTORY);
  }

  /** {@code {"items":[…],"nextCursor":…}}; 404 when the entity has no history at all. */
  public Future<JsonObject> history(String id, int limit, String cursor) {
    long below = cursor == null ? Long.MAX_VALUE : decodeCursor(cursor);
    return selectHistory.execute(Tuple.of(id, below, limit + 1)).map(rows -> {
      if (rows.size() == 0 && cursor == null) {
        throw ProblemException.notFound("entity '" + id + "' has no history");
      }
      JsonArray items = new JsonArray();
      long lastSeq = 0;
      for (Row row : rows) {
        if (items.size() == limit) {
          break;
        }
        items.add(toJson(row));
        lastSeq = row.getLong("seq");
      }
      JsonObject page = new JsonObject().put("items", items);
      page.put("nextCursor", rows.size() > limit ? encodeCursor(lastSeq) : null);
      return page;
    });
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("eventId", row.getUUID("event_id").toString())
        .put("kind", row.getString("kind"))
        .put("version", row.getLong("version"))
        .put("before", json(row.getString("before")))
        .put("after", json(row.getString("after")))
        .put("actor", row.getString("actor"))
        .put("traceId", row.getString("trace_id"))
        .put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(row.getOffsetDateTime("occurred_at").toInstant()));
  }

  private static JsonObject json(String text) {
    return text == null ? null : new JsonObject(text);
  }

  private static String encodeCursor(long seq) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
  }

  private static long decodeCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(CURSOR_PREFIX)) {
        throw new IllegalArgumentException(text);
      }
      return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("cursor is not one this server issued");
    }
  }
}
