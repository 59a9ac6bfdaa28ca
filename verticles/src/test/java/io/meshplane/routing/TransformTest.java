package io.meshplane.routing;

import static io.meshplane.routing.TestRoutes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TransformTest {
  private static final String ORDER = "{\"id\":\"o-1\",\"amount\":250,\"card\":\"4111\","
      + "\"customer\":{\"name\":\"Ann\",\"email\":\"ann@example.com\"},\"lines\":[{\"sku\":\"A\"}]}";

  private static JsonObject transform(String steps, String data) {
    return route("{\"transform\":" + steps + ",\"to\":[\"out\"]}").transform(new JsonObject(data));
  }

  @Test
  void projectKeepsOnlyThePresentPaths() {
    JsonObject out = transform("[{\"op\":\"project\",\"paths\":[\"$.id\",\"$.customer.name\",\"$.missing\"]}]",
        ORDER);

    assertThat(out).isEqualTo(new JsonObject("{\"id\":\"o-1\",\"customer\":{\"name\":\"Ann\"}}"));
  }

  @Test
  void renameMovesAValueAcrossLevels() {
    JsonObject out = transform("[{\"op\":\"rename\",\"from\":\"$.customer.email\",\"to\":\"$.contact.email\"},"
        + "{\"op\":\"rename\",\"from\":\"$.amount\",\"to\":\"$.total\"}]", ORDER);

    assertThat(out.getJsonObject("customer")).isEqualTo(new JsonObject().put("name", "Ann"));
    assertThat(out.getJsonObject("contact")).isEqualTo(new JsonObject().put("email", "ann@example.com"));
    assertThat(out.getValue("total")).isEqualTo(250);
    assertThat(out.containsKey("amount")).isFalse();
  }

  @Test
  void renameMovesAPresentJsonNull() {
    JsonObject out = transform("[{\"op\":\"rename\",\"from\":\"$.a\",\"to\":\"$.b\"}]", "{\"a\":null}");

    assertThat(out).isEqualTo(new JsonObject().putNull("b"));
  }

  @Test
  void setWritesAnyJsonValueAndCreatesObjects() {
    JsonObject out = transform("[{\"op\":\"set\",\"path\":\"$.routed\",\"value\":true},"
        + "{\"op\":\"set\",\"path\":\"$.meta.tags\",\"value\":[\"a\",{\"b\":1}]},"
        + "{\"op\":\"set\",\"path\":\"$.lines[0].sku\",\"value\":\"B\"},"
        + "{\"op\":\"set\",\"path\":\"$.cleared\",\"value\":null}]", ORDER);

    assertThat(out.getBoolean("routed")).isTrue();
    assertThat(out.getJsonObject("meta")).isEqualTo(new JsonObject("{\"tags\":[\"a\",{\"b\":1}]}"));
    assertThat(out.getJsonArray("lines").getJsonObject(0).getString("sku")).isEqualTo("B");
    assertThat(out.containsKey("cleared")).isTrue();
    assertThat(out.getValue("cleared")).isNull();
  }

  @Test
  void setOutputsShareNoMutableValue() {
    CompiledRoute route = route("{\"transform\":[{\"op\":\"set\",\"path\":\"$.meta\",\"value\":{\"n\":1}}],"
        + "\"to\":[\"out\"]}");

    JsonObject first = route.transform(new JsonObject());
    first.getJsonObject("meta").put("n", 2);

    assertThat(route.transform(new JsonObject()).getJsonObject("meta").getInteger("n")).isEqualTo(1);
    assertThat(route.toJson().getJsonArray("transform").getJsonObject(0).getJsonObject("value").getInteger("n"))
        .isEqualTo(1);
  }

  @Test
  void dropRemovesAndIgnoresAbsentPaths() {
    JsonObject out = transform("[{\"op\":\"drop\",\"path\":\"$.card\"},{\"op\":\"drop\",\"path\":\"$.nope.x\"},"
        + "{\"op\":\"drop\",\"path\":\"$.lines[0]\"}]", ORDER);

    assertThat(out.containsKey("card")).isFalse();
    assertThat(out.getJsonArray("lines")).isEmpty();
    assertThat(out.getString("id")).isEqualTo("o-1");
  }

  @Test
  void stepsRunInOrder() {
    JsonObject out = transform("[{\"op\":\"rename\",\"from\":\"$.amount\",\"to\":\"$.total\"},"
        + "{\"op\":\"project\",\"paths\":[\"$.id\",\"$.total\"]},{\"op\":\"set\",\"path\":\"$.v\",\"value\":2}]",
        ORDER);

    assertThat(out).isEqualTo(new JsonObject("{\"id\":\"o-1\",\"total\":250,\"v\":2}"));
  }

  @Test
  void theInputIsNeverModified() {
    JsonObject input = new JsonObject(ORDER);
    JsonObject before = input.copy();
    CompiledRoute route = route("{\"transform\":[{\"op\":\"rename\",\"from\":\"$.customer.email\",\"to\":\"$.e\"},"
        + "{\"op\":\"drop\",\"path\":\"$.lines[0]\"},{\"op\":\"set\",\"path\":\"$.customer.name\",\"value\":\"X\"},"
        + "{\"op\":\"project\",\"paths\":[\"$.customer\",\"$.e\"]}],"
        + "\"enrich\":{\"entityIdFrom\":\"$.id\",\"fields\":[\"owner\"],\"into\":\"$.customer.owner\"},"
        + "\"to\":[\"out\"]}");

    JsonObject transformed = route.transform(input);
    JsonObject enriched = route.enrich(input, new JsonObject().put("owner", "team"));
    transformed.getJsonObject("customer").put("name", "Y");

    assertThat(input).isEqualTo(before);
    assertThat(transformed).isNotSameAs(input);
    assertThat(enriched.getJsonObject("customer").getJsonObject("owner").getString("owner")).isEqualTo("team");
  }

  @Test
  void withoutStepsTheResultIsACopy() {
    JsonObject input = new JsonObject(ORDER);
    CompiledRoute route = route("{\"to\":[\"out\"]}");

    assertThat(route.transform(input)).isEqualTo(input).isNotSameAs(input);
    assertThat(route.transform(null)).isNull();
  }

  @Test
  void aFailedStepNamesTheRouteTheStepAndTheReason() {
    assertThatThrownBy(() -> transform("[{\"op\":\"drop\",\"path\":\"$.card\"},"
        + "{\"op\":\"rename\",\"from\":\"$.amount_total\",\"to\":\"$.total\"}]", ORDER))
        .isInstanceOf(RouteTransformException.class)
        .hasMessage("route 'r' transform[1] (rename) failed: '$.amount_total' is absent")
        .satisfies(e -> {
          assertThat(((RouteTransformException) e).route()).isEqualTo("r");
          assertThat(((RouteTransformException) e).step()).isEqualTo("transform[1] (rename)");
        });
    assertThatThrownBy(() -> transform("[{\"op\":\"set\",\"path\":\"$.id.x\",\"value\":1}]", ORDER))
        .isInstanceOf(RouteTransformException.class)
        .hasMessage("route 'r' transform[0] (set) failed: '$.id' is not an object");
    assertThatThrownBy(() -> transform("[{\"op\":\"rename\",\"from\":\"$.id\",\"to\":\"$.lines[5]\"}]", ORDER))
        .isInstanceOf(RouteTransformException.class)
        .hasMessageContaining("transform[0] (rename) failed: '$.lines[5]' is beyond the end");
    assertThatThrownBy(() -> route("{\"transform\":[{\"op\":\"drop\",\"path\":\"$.a\"}],\"to\":[\"out\"]}")
        .transform(null))
        .isInstanceOf(RouteTransformException.class)
        .hasMessage("route 'r' transform failed: the event's data is not a JSON object");
  }
}
