package io.meshplane.routing;

import static io.meshplane.routing.TestRoutes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrichTest {
  private static final JsonObject ENTITY = new JsonObject("{\"id\":\"urn:mesh:dataset:sales.orders\","
      + "\"type\":\"dataset\",\"domain\":\"sales\",\"owner\":\"team-sales\",\"tags\":[\"pii\"],"
      + "\"attributes\":{\"rows\":1},\"version\":3}");
  private final CompiledRoute route = route("{\"enrich\":{\"entityIdFrom\":\"$.datasetId\","
      + "\"fields\":[\"owner\",\"domain\",\"tags\",\"schemaRef\"],\"into\":\"$.dataset\"},\"to\":[\"out\"]}");

  @Test
  void theIdComesFromTheConfiguredPath() {
    assertThat(route.enrichmentId(new JsonObject().put("datasetId", "urn:mesh:dataset:sales.orders")))
        .contains("urn:mesh:dataset:sales.orders");
    assertThat(route.enrichmentId(new JsonObject())).isEmpty();
    assertThat(route.enrichmentId(new JsonObject().put("datasetId", 42))).isEmpty();
    assertThat(route.enrichmentId(new JsonObject().put("datasetId", ""))).isEmpty();
    assertThat(route.enrichmentId(null)).isEmpty();
    assertThat(route("{\"to\":[\"out\"]}").enrichmentId(new JsonObject().put("datasetId", "x")))
        .isEqualTo(Optional.empty());
  }

  @Test
  void attachesOnlyTheChosenFieldsThatTheEntityHas() {
    JsonObject data = new JsonObject().put("datasetId", "urn:mesh:dataset:sales.orders").put("n", 1);

    JsonObject out = route.enrich(data, ENTITY);

    assertThat(out.getJsonObject("dataset"))
        .isEqualTo(new JsonObject("{\"owner\":\"team-sales\",\"domain\":\"sales\",\"tags\":[\"pii\"]}"));
    assertThat(out.getInteger("n")).isEqualTo(1);
    assertThat(data.containsKey("dataset")).isFalse();
  }

  @Test
  void theAttachedFieldsAreCopies() {
    JsonObject entity = ENTITY.copy();

    JsonObject out = route.enrich(new JsonObject(), entity);
    out.getJsonObject("dataset").getJsonArray("tags").add("changed");

    assertThat(entity.getJsonArray("tags")).containsExactly("pii");
  }

  @Test
  void aMissingEntityAttachesNull() {
    JsonObject out = route.enrich(new JsonObject().put("datasetId", "gone"), null);

    assertThat(out.containsKey("dataset")).isTrue();
    assertThat(out.getValue("dataset")).isNull();
  }

  @Test
  void failuresNameTheRoute() {
    assertThatThrownBy(() -> route("{\"enrich\":{\"entityIdFrom\":\"$.id\",\"fields\":[\"owner\"],"
        + "\"into\":\"$.meta.owner\"},\"to\":[\"out\"]}").enrich(new JsonObject().put("meta", 1), ENTITY))
        .isInstanceOf(RouteTransformException.class)
        .hasMessage("route 'r' enrich failed: '$.meta' is not an object");
    assertThatThrownBy(() -> route.enrich(null, ENTITY))
        .isInstanceOf(RouteTransformException.class)
        .hasMessage("route 'r' enrich failed: the event's data is not a JSON object");
    assertThatThrownBy(() -> route("{\"to\":[\"out\"]}").enrich(new JsonObject(), ENTITY))
        .isInstanceOf(IllegalStateException.class);
  }
}
