package io.meshplane.routing;

import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Routing rules in PostgreSQL. Every change takes a new version from one sequence, which is how nodes notice it. */
public final class RouteStore {
  private final SqlClient client;

  public RouteStore(SqlClient client) {
    this.client = client;
  }

  /** Stores a compiled (hence valid) route; answers the stored route and whether it was created. */
  public Future<Saved> save(CompiledRoute route) {
    JsonObject definition = route.toJson();
    return client.preparedQuery(SqlQueries.UPSERT_ROUTE)
        .execute(Tuple.of(route.name(), definition.encode(), route.enabled()))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new Saved(new StoredRoute(route.name(), row.getLong("version"), definition),
              row.getBoolean("created"));
        });
  }

  /** True when a live route of that name was deleted. */
  public Future<Boolean> delete(String name) {
    return client.preparedQuery(SqlQueries.DELETE_ROUTE).execute(Tuple.of(name)).map(rows -> rows.size() > 0);
  }

  public Future<List<StoredRoute>> list() {
    return client.preparedQuery(SqlQueries.SELECT_ROUTES).execute().map(rows -> {
      List<StoredRoute> routes = new ArrayList<>(rows.size());
      rows.forEach(row -> routes.add(toRoute(row)));
      return routes;
    });
  }

  public Future<Optional<StoredRoute>> find(String name) {
    return client.preparedQuery(SqlQueries.SELECT_ROUTE).execute(Tuple.of(name)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(toRoute(it.next())) : Optional.empty();
    });
  }

  /** The version of the latest change to any route; 0 when there never was one. */
  public Future<Long> latestVersion() {
    return client.preparedQuery(SqlQueries.SELECT_ROUTES_VERSION).execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static StoredRoute toRoute(Row row) {
    return new StoredRoute(row.getString("name"), row.getLong("version"), new JsonObject(row.getString("definition")));
  }

  /** The outcome of a save. */
  public record Saved(StoredRoute route, boolean created) {}
}
