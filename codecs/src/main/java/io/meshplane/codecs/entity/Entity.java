package io.meshplane.codecs.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A catalog entity as stored. {@code attributesJson} is the attributes object as JSON text, kept encoded so that
 * turning a database row into response bytes never parses it.
 */
public record Entity(
    String id,
    String type,
    String domain,
    String sourceSystem,
    String owner,
    List<String> tags,
    String attributesJson,
    SchemaRef schemaRef,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Entity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    tags = List.copyOf(tags);
    Objects.requireNonNull(attributesJson, "attributesJson");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
