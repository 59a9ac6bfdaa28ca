package io.meshplane.graph;

import io.meshplane.problem.ProblemException;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads relationships and lineage of live entities; every answer is bounded, never a timeout. */
public final class GraphReader {
  public static final int MAX_DEPTH = 10;

  private final SqlClient client;
  private final int nodeLimit;

  public GraphReader(SqlClient client, int nodeLimit) {
    this.client = client;
    this.nodeLimit = nodeLimit;
  }

  /** {@code direction}: out, in or both; {@code type} null = any. 404 when the entity is not live. */
  public Future<JsonObject> relationships(String id, String direction, String type) {
    return requireLive(id).compose(live -> {
      Future<JsonArray> out = direction.equals("in") ? Future.succeededFuture(new JsonArray())
          : edgesOf(SqlQueries.SELECT_RELATIONSHIPS_OUT, id, type);
      Future<JsonArray> in = direction.equals("out") ? Future.succeededFuture(new JsonArray())
          : edgesOf(SqlQueries.SELECT_RELATIONSHIPS_IN, id, type);
      return Future.all(out, in).map(both -> new JsonObject().put("items", out.result().copy().addAll(in.result())));
    });
  }

  /**
   * The lineage of {@code id}: nodes with the depth they were first reached at, the edges among them, and
   * {@code truncated} when the node limit cut the walk short.
   */
  public Future<JsonObject> lineage(String id, boolean downstream, int depth) {
    // a cycle may revisit a node at greater depths, so read past the limit before de-duplicating
    int rowLimit = nodeLimit * 2 + 1;
    return requireLive(id)
        .compose(live -> client.preparedQuery(downstream ? SqlQueries.WALK_DOWNSTREAM : SqlQueries.WALK_UPSTREAM)
            .execute(Tuple.of(id, depth, rowLimit)))
        .compose(rows -> {
          Map<String, JsonObject> nodes = new LinkedHashMap<>();
          for (Row row : rows) {
            if (nodes.size() == nodeLimit) {
              break;
            }
            nodes.putIfAbsent(row.getString("id"), new JsonObject().put("id", row.getString("id"))
                .put("type", row.getString("type")).put("domain", row.getString("domain"))
                .put("depth", row.getInteger("depth")));
          }
          boolean truncated = rows.size() == rowLimit || distinctIds(rows) > nodes.size();
          List<String> ids = new ArrayList<>(nodes.keySet());
          return client.preparedQuery(SqlQueries.SELECT_LINEAGE_AMONG).execute(Tuple.of(ids.toArray(String[]::new)))
              .map(edges -> new JsonObject()
                  .put("root", id)
                  .put("direction", downstream ? "downstream" : "upstream")
                  .put("depth", depth)
                  .put("nodes", new JsonArray(new ArrayList<>(nodes.values())))
                  .put("edges", edgesJson(edges))
                  .put("truncated", truncated));
        });
  }

  private Future<Void> requireLive(String id) {
    return client.preparedQuery(SqlQueries.SELECT_LIVE_IDS).execute(Tuple.of(new String[] {id})).map(rows -> {
      if (rows.size() == 0) {
        throw ProblemException.notFound("entity '" + id + "' does not exist");
      }
      return null;
    });
  }

  private Future<JsonArray> edgesOf(String sql, String id, String type) {
    return client.preparedQuery(sql).execute(Tuple.of(id, type)).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row row : rows) {
        items.add(new JsonObject()
            .put("from", row.getString("from_id"))
            .put("type", row.getString("type"))
            .put("to", row.getString("to_id"))
            .put("properties", new JsonObject(row.getString("properties")))
            .put("createdAt", DateTimeFormatter.ISO_INSTANT.format(row.getOffsetDateTime("created_at").toInstant())));
      }
      return items;
    });
  }

  private static long distinctIds(RowSet<Row> rows) {
    Set<String> ids = new HashSet<>();
    rows.forEach(row -> ids.add(row.getString("id")));
    return ids.size();
  }

  private static JsonArray edgesJson(RowSet<Row> rows) {
    JsonArray edges = new JsonArray();
    for (Row row : rows) {
      edges.add(new JsonObject()
          .put("upstream", row.getString("upstream_id"))
          .put("downstream", row.getString("downstream_id"))
          .put("transformation", row.getString("transformation"))
          .put("job", row.getString("job")));
    }
    return edges;
  }
}
