package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.storage.EntityRows;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a node takes traffic: loads the most recently changed entities into the clustered L1 map (version-guarded,
 * so a newer entry already there wins) and reads each back, which fills this node's near cache.
 */
public final class NearCacheWarmer {
  private final SqlClient reader;
  private final L1EntityCache l1;

  public NearCacheWarmer(SqlClient reader, L1EntityCache l1) {
    this.reader = reader;
    this.l1 = l1;
  }

  /** Answers how many entities were warmed. */
  public Future<Integer> warm(int entries) {
    if (entries == 0) {
      return Future.succeededFuture(0);
    }
    return reader.preparedQuery(SqlQueries.SELECT_RECENT_ENTITIES).execute(Tuple.of(entries)).compose(rows -> {
      List<Future<?>> loads = new ArrayList<>(rows.size());
      for (Row row : rows) {
        String id = row.getString("id");
        CachedEntity entry = EntityRows.toCacheEntry(row);
        loads.add(l1.offer(id, entry, 0).compose(stored -> l1.get(id)));
      }
      return Future.all(loads).map(rows.size());
    });
  }
}
