package io.meshplane.routing;

import static io.meshplane.routing.TestRoutes.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static final String IN = "meshplane.events.in";

  private static CompiledRoute route(String name, String definition) {
    return RouteDefinitionParser.parse(name, 1, new JsonObject(definition));
  }

  private static List<String> names(List<CompiledRoute> routes) {
    return routes.stream().map(CompiledRoute::name).toList();
  }

  private final CompiledRoute typed = route("typed",
      "{\"match\":{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"order.created\"},\"to\":[\"t\"]}");
  private final CompiledRoute conjunct = route("conjunct", "{\"match\":{\"all\":["
      + "{\"path\":\"$.amount\",\"op\":\"gt\",\"value\":100},"
      + "{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"order.created\"}]},\"to\":[\"t\"]}");
  private final CompiledRoute anyOf = route("any-of",
      "{\"match\":{\"attr\":\"type\",\"op\":\"in\",\"value\":[\"order.created\",\"order.paid\"]},\"to\":[\"t\"]}");
  private final CompiledRoute untyped = route("untyped",
      "{\"match\":{\"path\":\"$.amount\",\"op\":\"exists\"},\"to\":[\"t\"]}");
  private final CompiledRoute everything = route("everything", "{\"to\":[\"t\"]}");
  private final CompiledRoute notType = route("not-type",
      "{\"match\":{\"not\":{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"order.created\"}},\"to\":[\"t\"]}");

  @Test
  void indexedAndUnindexedRoutesBothFireInNameOrder() {
    RouteTable table = RouteTable.of(List.of(untyped, typed, notType, everything, conjunct, anyOf), Set.of(IN));

    assertThat(names(table.matching(IN, event("order.created", "{\"amount\":150}"))))
        .containsExactly("any-of", "conjunct", "everything", "typed", "untyped");
    assertThat(names(table.matching(IN, event("order.paid", "{\"amount\":150}"))))
        .containsExactly("any-of", "everything", "not-type", "untyped");
    assertThat(names(table.matching(IN, event("order.created", "{\"amount\":50}"))))
        .containsExactly("any-of", "everything", "typed", "untyped");
  }

  @Test
  void aTypeIndexedRouteDoesNotFireForOtherTypes() {
    RouteTable table = RouteTable.of(List.of(typed, conjunct, anyOf), Set.of(IN));

    assertThat(table.matching(IN, event("order.deleted", "{\"amount\":150}"))).isEmpty();
    assertThat(table.matching(IN, new SimpleEventView(Map.of(), new JsonObject("{\"amount\":150}")))).isEmpty();
  }

  @Test
  void theIndexFollowsTypesThroughAllAndAny() {
    CompiledRoute nested = route("nested", "{\"match\":{\"all\":[{\"path\":\"$.a\",\"op\":\"exists\"},"
        + "{\"any\":[{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"x\"},"
        + "{\"all\":[{\"attr\":\"type\",\"op\":\"in\",\"value\":[\"y\",\"z\"]},{\"path\":\"$.b\",\"op\":\"exists\"}]}"
        + "]}]},\"to\":[\"t\"]}");

    assertThat(TypeIndex.requiredTypes(nested.matcher())).containsExactlyInAnyOrder("x", "y", "z");
    assertThat(TypeIndex.requiredTypes(typed.matcher())).containsExactly("order.created");
    assertThat(TypeIndex.requiredTypes(conjunct.matcher())).containsExactly("order.created");
    assertThat(TypeIndex.requiredTypes(untyped.matcher())).isEmpty();
    assertThat(TypeIndex.requiredTypes(notType.matcher())).isEmpty();
    assertThat(TypeIndex.requiredTypes(everything.matcher())).isEmpty();

    RouteTable table = RouteTable.of(List.of(nested), Set.of(IN));
    assertThat(table.matching(IN, event("z", "{\"a\":1,\"b\":2}"))).containsExactly(nested);
    assertThat(table.matching(IN, event("z", "{\"a\":1}"))).isEmpty();
    assertThat(table.matching(IN, event("w", "{\"a\":1,\"b\":2}"))).isEmpty();
  }

  @Test
  void onlyRoutesReadingTheTopicAreConsidered() {
    CompiledRoute fromAudit = route("from-audit", "{\"from\":[\"audit\"],\"to\":[\"t\"]}");
    CompiledRoute fromBoth = route("from-both", "{\"from\":[\"audit\",\"" + IN + "\"],\"to\":[\"t\"]}");
    RouteTable table = RouteTable.of(List.of(everything, fromAudit, fromBoth), Set.of(IN, "second.in"));

    assertThat(names(table.matching(IN, event("t", null)))).containsExactly("everything", "from-both");
    assertThat(names(table.matching("second.in", event("t", null)))).containsExactly("everything");
    assertThat(names(table.matching("audit", event("t", null)))).containsExactly("from-audit", "from-both");
    assertThat(table.matching("elsewhere", event("t", null))).isEmpty();
    assertThat(table.sourceTopics()).containsExactlyInAnyOrder(IN, "second.in", "audit");
  }

  @Test
  void disabledRoutesAreLeftOut() {
    CompiledRoute disabled = route("disabled", "{\"from\":[\"audit\"],\"to\":[\"t\"],\"enabled\":false}");
    RouteTable table = RouteTable.of(List.of(disabled, everything), Set.of(IN));

    assertThat(table.matching("audit", event("t", null))).isEmpty();
    assertThat(table.sourceTopics()).containsExactly(IN);
  }

  @Test
  void refusesTwoRoutesOfOneName() {
    assertThatThrownBy(() -> RouteTable.of(List.of(typed, route("typed", "{\"to\":[\"u\"]}")), Set.of(IN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'typed'");
  }

  @Test
  void withAThousandRulesOnlyTheRightOnesMatch() {
    RouteTable table = SyntheticRoutes.table(1000);
    List<String> untypedThatMatch = List.of("u-eu-region", "u-order-subject", "u-shop-source");

    for (int i : new int[] {0, 1, 499, 995}) {
      List<String> expected = new ArrayList<>();
      expected.add(String.format("t-%05d", i));
      expected.addAll(untypedThatMatch);
      assertThat(names(table.matching(SyntheticRoutes.TOPIC, SyntheticRoutes.event(i))))
          .as("type %d", i).containsExactlyElementsOf(expected);
    }
    assertThat(names(table.matching(SyntheticRoutes.TOPIC, SyntheticRoutes.event(996))))
        .containsExactlyElementsOf(untypedThatMatch);
    assertThat(table.sourceTopics()).containsExactly(SyntheticRoutes.TOPIC);
  }

  @Test
  void syntheticTablesOfEverySizeGiveTheSameAnswer() {
    for (int size : new int[] {10, 100, 1000}) {
      assertThat(names(SyntheticRoutes.table(size).matching(SyntheticRoutes.TOPIC, SyntheticRoutes.event(1))))
          .as("%d rules", size)
          .containsExactly("t-00001", "u-eu-region", "u-order-subject", "u-shop-source");
    }
  }
}
