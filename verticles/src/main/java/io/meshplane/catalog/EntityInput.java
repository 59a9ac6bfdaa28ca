package io.meshplane.catalog;

import io.meshplane.codecs.entity.SchemaRef;
import java.util.List;

/** The client-writable fields of an entity, validated. {@code attributesJson} is a JSON object's text. */
public record EntityInput(
    String type,
    String domain,
    String sourceSystem,
    String owner,
    List<String> tags,
    String attributesJson,
    SchemaRef schemaRef) {}
