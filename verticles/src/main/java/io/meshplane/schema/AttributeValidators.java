package io.meshplane.schema;

import io.meshplane.codecs.entity.SchemaRef;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled validators of the schema versions entities refer to. A registered version never changes, so an entry
 * never goes stale; only the least recently used ones are dropped past a bound. One per verticle instance, used on
 * its event loop only, so it takes no locks.
 */
public final class AttributeValidators {
  private static final int MAX_ENTRIES = 1024;

  private final Map<SchemaRef, AttributeValidator> compiled = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<SchemaRef, AttributeValidator> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** The validator of {@code ref}, read through {@code client} when not yet compiled; empty if not registered. */
  public Future<Optional<AttributeValidator>> forRef(SqlClient client, SchemaRef ref) {
    AttributeValidator cached = compiled.get(ref);
    if (cached != null) {
      return Future.succeededFuture(Optional.of(cached));
    }
    return client.preparedQuery(SqlQueries.SELECT_SCHEMA).execute(Tuple.of(ref.subject(), ref.version()))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          AttributeValidator validator = AttributeValidator.of(
              RegisteredSchema.fromRow(rows.iterator().next()).definition());
          compiled.put(ref, validator);
          return Optional.of(validator);
        });
  }
}
