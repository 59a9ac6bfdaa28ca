package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.storage.EntityRows;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** L3: PostgreSQL through one pipelined connection, with statements prepared once and cached by the client. */
public final class PgEntitySource implements EntitySource {
  private final PreparedQuery<RowSet<Row>> selectOne;
  private final PreparedQuery<RowSet<Row>> selectMany;

  public PgEntitySource(SqlClient reader) {
    this.selectOne = reader.preparedQuery(SqlQueries.SELECT_ENTITY);
    this.selectMany = reader.preparedQuery(SqlQueries.SELECT_ENTITIES);
  }

  @Override
  public Future<CachedEntity> load(String id) {
    return selectOne.execute(Tuple.of(id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? EntityRows.toCacheEntry(it.next()) : CachedEntity.unknown();
    });
  }

  @Override
  public Future<Map<String, CachedEntity>> loadAll(List<String> ids) {
    return selectMany.execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
      Map<String, CachedEntity> found = new HashMap<>();
      for (Row row : rows) {
        found.put(row.getString("id"), EntityRows.toCacheEntry(row));
      }
      for (String id : ids) {
        found.putIfAbsent(id, CachedEntity.unknown());
      }
      return found;
    });
  }
}
