package io.meshplane.routing;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Route tables of a chosen size with the shape of a real deployment: most rules keyed by a distinct event type, plus
 * a fixed few that every event must try. Shared by the index tests and the rule-matching benchmark, so that both
 * measure the same thing.
 */
public final class SyntheticRoutes {
  public static final String TOPIC = "meshplane.events.in";
  /** The rules that are not keyed by type; the same number at every table size. */
  public static final List<String> UNTYPED = List.of("u-eu-region", "u-large-amount", "u-order-subject",
      "u-shop-source");

  private SyntheticRoutes() {}

  /** {@code size} rules, {@link #UNTYPED} among them; the others are named {@code t-<i>} and keyed by {@link #type}. */
  public static List<CompiledRoute> routes(int size) {
    if (size <= UNTYPED.size()) {
      throw new IllegalArgumentException("a synthetic table holds more than " + UNTYPED.size() + " rules");
    }
    List<CompiledRoute> routes = new ArrayList<>(size);
    routes.add(route("u-shop-source", "{\"attr\":\"source\",\"op\":\"prefix\",\"value\":\"/shop/\"}"));
    routes.add(route("u-large-amount", "{\"path\":\"$.amount\",\"op\":\"gte\",\"value\":1000}"));
    routes.add(route("u-eu-region",
        "{\"path\":\"$.region\",\"op\":\"in\",\"value\":[\"eu-west-1\",\"eu-central-1\"]}"));
    routes.add(route("u-order-subject", "{\"attr\":\"subject\",\"op\":\"regex\",\"value\":\"^orders/[0-9]+$\"}"));
    for (int i = 0; i < size - UNTYPED.size(); i++) {
      routes.add(route(String.format("t-%05d", i), "{\"all\":[{\"attr\":\"type\",\"op\":\"eq\",\"value\":\""
          + type(i) + "\"},{\"path\":\"$.amount\",\"op\":\"gt\",\"value\":100}]}"));
    }
    return routes;
  }

  public static RouteTable table(int size) {
    return RouteTable.of(routes(size), Set.of(TOPIC));
  }

  /** The event type that the typed rule {@code i} requires. */
  public static String type(int i) {
    return "com.example.order.v" + i;
  }

  /**
   * An order event of {@link #type}({@code i}) from {@code /shop/web} with an amount of 250 in eu-west-1: it matches
   * the typed rule {@code i}, u-shop-source, u-eu-region and u-order-subject.
   */
  public static EventView event(int i) {
    JsonObject data = new JsonObject()
        .put("orderId", "o-42")
        .put("amount", 250)
        .put("currency", "EUR")
        .put("region", "eu-west-1")
        .put("datasetId", "urn:mesh:dataset:sales.orders");
    return new SimpleEventView(Map.of(
        "id", "4f8e2a1c-0000-4000-8000-000000000042",
        "source", "/shop/web",
        "specversion", "1.0",
        "type", type(i),
        "subject", "orders/42",
        "datacontenttype", "application/json"), data);
  }

  private static CompiledRoute route(String name, String match) {
    return RouteDefinitionParser.parse(name, 1, new JsonObject("{\"from\":[\"" + TOPIC + "\"],\"match\":" + match
        + ",\"to\":[\"out." + name + "\"]}"));
  }
}
