package io.meshplane.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A route's {@code enrich}: the entity whose id is the string at {@code entityIdFrom} is looked up, and the chosen
 * top-level fields of its JSON document are attached as one object at {@code into}. When there is no such entity, JSON
 * null is attached, so a consumer can tell "not found" from "not enriched".
 */
public record EnrichPlan(JsonPath entityIdFrom, List<String> fields, JsonPath into) {
  /** The top-level fields of the entity document (see the HTTP API) that a rule may attach. */
  static final Set<String> ENTITY_FIELDS = Set.of("id", "type", "domain", "sourceSystem", "owner", "tags",
      "attributes", "schemaRef", "version", "createdAt", "updatedAt");

  public EnrichPlan {
    fields = List.copyOf(fields);
  }

  /** The id to look up: the non-empty string at {@code entityIdFrom}; empty when there is none. */
  public Optional<String> entityId(JsonObject data) {
    return entityIdFrom.read(data) instanceof String id && !id.isEmpty() ? Optional.of(id) : Optional.empty();
  }

  /**
   * Attaches the chosen fields of {@code entity} (null when not found) to {@code data}, which it modifies.
   *
   * @throws IllegalArgumentException when {@code into} cannot be written into the data
   */
  void attach(JsonObject data, JsonObject entity) {
    if (entity == null) {
      into.set(data, null);
      return;
    }
    JsonObject chosen = new JsonObject();
    for (String field : fields) {
      if (entity.containsKey(field)) {
        chosen.put(field, JsonValues.copy(entity.getValue(field)));
      }
    }
    into.set(data, chosen);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("entityIdFrom", entityIdFrom.toString())
        .put("fields", new JsonArray(new ArrayList<>(fields)))
        .put("into", into.toString());
  }
}
