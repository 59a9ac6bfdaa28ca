package io.meshplane.storage;

import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.codecs.entity.Entity;
import io.meshplane.codecs.entity.EntityJsonCodec;
import io.meshplane.codecs.entity.SchemaRef;
import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.List;

/** Maps rows selected with the entity columns of {@link SqlQueries} to the domain and cache types. */
public final class EntityRows {
  private EntityRows() {}

  public static Entity toEntity(Row row) {
    String subject = row.getString("schema_subject");
    String[] tags = row.getArrayOfStrings("tags");
    return new Entity(
        row.getString("id"),
        row.getString("type"),
        row.getString("domain"),
        row.getString("source_system"),
        row.getString("owner"),
        tags == null ? List.of() : Arrays.asList(tags),
        row.getString("attributes"),
        subject == null ? null : new SchemaRef(subject, row.getInteger("schema_version")),
        row.getLong("version"),
        row.getOffsetDateTime("created_at").toInstant(),
        row.getOffsetDateTime("updated_at").toInstant());
  }

  public static boolean isTombstone(Row row) {
    return row.getValue("deleted_at") != null;
  }

  /** The entity's JSON document of the API, or null for a deleted one. */
  public static byte[] json(Row row) {
    return isTombstone(row) ? null : EntityJsonCodec.encode(toEntity(row));
  }

  /** The cache entry for a row: the ready-to-send JSON, or the tombstone of a deleted entity. */
  public static CachedEntity toCacheEntry(Row row) {
    byte[] json = json(row);
    long version = row.getLong("version");
    return json == null ? CachedEntity.tombstone(version) : CachedEntity.present(version, json);
  }
}
