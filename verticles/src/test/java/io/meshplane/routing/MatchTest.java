package io.meshplane.routing;

import static io.meshplane.routing.TestRoutes.data;
import static io.meshplane.routing.TestRoutes.event;
import static io.meshplane.routing.TestRoutes.matching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchTest {

  private static boolean matches(String match, EventView event) {
    return matching(match).matches(event);
  }

  private static boolean onData(String match, String data) {
    return matches(match, data(data));
  }

  @Test
  void eqComparesJsonValuesByValue() {
    String amountIs100 = "{\"path\":\"$.amount\",\"op\":\"eq\",\"value\":100}";
    assertThat(onData(amountIs100, "{\"amount\":100}")).isTrue();
    assertThat(onData(amountIs100, "{\"amount\":100.0}")).isTrue();
    assertThat(onData(amountIs100, "{\"amount\":100.5}")).isFalse();
    assertThat(onData(amountIs100, "{\"amount\":\"100\"}")).isFalse();
    assertThat(onData(amountIs100, "{}")).isFalse();

    assertThat(onData("{\"path\":\"$.ok\",\"op\":\"eq\",\"value\":true}", "{\"ok\":true}")).isTrue();
    assertThat(onData("{\"path\":\"$.ok\",\"op\":\"eq\",\"value\":true}", "{\"ok\":\"true\"}")).isFalse();
    assertThat(onData("{\"path\":\"$.o\",\"op\":\"eq\",\"value\":{\"a\":[1,2.0]}}", "{\"o\":{\"a\":[1.0,2]}}"))
        .isTrue();
    assertThat(onData("{\"path\":\"$.o\",\"op\":\"eq\",\"value\":{\"a\":[1,2]}}", "{\"o\":{\"a\":[1,2,3]}}"))
        .isFalse();
    assertThat(onData("{\"path\":\"$.big\",\"op\":\"eq\",\"value\":9007199254740993}",
        "{\"big\":9007199254740992}")).isFalse();
  }

  @Test
  void eqOnAttributes() {
    String isOrder = "{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"order.created\"}";
    assertThat(matches(isOrder, event("order.created", null))).isTrue();
    assertThat(matches(isOrder, event("order.deleted", null))).isFalse();
    assertThat(matches("{\"attr\":\"partitionkey\",\"op\":\"eq\",\"value\":\"k\"}",
        new SimpleEventView(Map.of("partitionkey", "k"), null))).isTrue();
    assertThat(matches("{\"attr\":\"subject\",\"op\":\"eq\",\"value\":\"s\"}", event("t", null))).isFalse();
  }

  @Test
  void neNeedsThePresentValueToDiffer() {
    String notEur = "{\"path\":\"$.currency\",\"op\":\"ne\",\"value\":\"EUR\"}";
    assertThat(onData(notEur, "{\"currency\":\"USD\"}")).isTrue();
    assertThat(onData(notEur, "{\"currency\":\"EUR\"}")).isFalse();
    assertThat(onData(notEur, "{}")).isFalse();
    assertThat(onData("{\"not\":{\"path\":\"$.currency\",\"op\":\"eq\",\"value\":\"EUR\"}}", "{}")).isTrue();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"ne\",\"value\":1}", "{\"n\":1.0}")).isFalse();
  }

  @Test
  void inTakesAnyOfTheValues() {
    String region = "{\"path\":\"$.region\",\"op\":\"in\",\"value\":[\"eu-west-1\",\"eu-central-1\",7]}";
    assertThat(onData(region, "{\"region\":\"eu-central-1\"}")).isTrue();
    assertThat(onData(region, "{\"region\":7.0}")).isTrue();
    assertThat(onData(region, "{\"region\":\"us-east-1\"}")).isFalse();
    assertThat(onData(region, "{}")).isFalse();
    assertThat(matches("{\"attr\":\"type\",\"op\":\"in\",\"value\":[\"a\",\"b\"]}", event("b", null))).isTrue();
  }

  @Test
  void prefixMatchesStringsOnly() {
    String shop = "{\"attr\":\"source\",\"op\":\"prefix\",\"value\":\"/shop/\"}";
    assertThat(matches(shop, event("t", null))).isTrue();
    assertThat(matches(shop, new SimpleEventView(Map.of("source", "/warehouse/1"), null))).isFalse();
    assertThat(onData("{\"path\":\"$.code\",\"op\":\"prefix\",\"value\":\"12\"}", "{\"code\":123}")).isFalse();
    assertThat(onData("{\"path\":\"$.code\",\"op\":\"prefix\",\"value\":\"12\"}", "{\"code\":\"123\"}")).isTrue();
  }

  @Test
  void regexSearchesStringsAndCanBeAnchored() {
    String contains = "{\"path\":\"$.sku\",\"op\":\"regex\",\"value\":\"[0-9]{3}\"}";
    String anchored = "{\"path\":\"$.sku\",\"op\":\"regex\",\"value\":\"^[0-9]{3}$\"}";
    assertThat(onData(contains, "{\"sku\":\"ab123cd\"}")).isTrue();
    assertThat(onData(anchored, "{\"sku\":\"ab123cd\"}")).isFalse();
    assertThat(onData(anchored, "{\"sku\":\"123\"}")).isTrue();
    assertThat(onData(anchored, "{\"sku\":123}")).isFalse();
    assertThat(onData(anchored, "{}")).isFalse();
  }

  @Test
  void existsWithoutValueOrTrueMeansPresentAndFalseMeansAbsent() {
    String present = "{\"path\":\"$.card\",\"op\":\"exists\"}";
    String presentExplicitly = "{\"path\":\"$.card\",\"op\":\"exists\",\"value\":true}";
    String absent = "{\"path\":\"$.card\",\"op\":\"exists\",\"value\":false}";
    assertThat(onData(present, "{\"card\":\"4111\"}")).isTrue();
    assertThat(onData(presentExplicitly, "{\"card\":\"4111\"}")).isTrue();
    assertThat(onData(present, "{}")).isFalse();
    assertThat(onData(absent, "{}")).isTrue();
    assertThat(onData(absent, "{\"card\":\"4111\"}")).isFalse();
    // JSON null counts as absent
    assertThat(onData(present, "{\"card\":null}")).isFalse();
    assertThat(matches("{\"attr\":\"subject\",\"op\":\"exists\"}", event("t", null))).isFalse();
    assertThat(matches("{\"attr\":\"source\",\"op\":\"exists\"}", event("t", null))).isTrue();
  }

  @Test
  void numericComparesMatchOnlyNumbers() {
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gt\",\"value\":100}", "{\"n\":150}")).isTrue();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gt\",\"value\":100}", "{\"n\":100}")).isFalse();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gt\",\"value\":100}", "{\"n\":100.01}")).isTrue();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gt\",\"value\":100}", "{\"n\":\"150\"}")).isFalse();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gt\",\"value\":100}", "{\"n\":true}")).isFalse();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gt\",\"value\":100}", "{}")).isFalse();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gte\",\"value\":100}", "{\"n\":100.0}")).isTrue();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gte\",\"value\":100}", "{\"n\":99.99}")).isFalse();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"lt\",\"value\":0.5}", "{\"n\":0}")).isTrue();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"lt\",\"value\":0.5}", "{\"n\":1}")).isFalse();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"lte\",\"value\":-3}", "{\"n\":-3.0}")).isTrue();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"lte\",\"value\":-3}", "{\"n\":-2.5}")).isFalse();
    assertThat(onData("{\"path\":\"$.n\",\"op\":\"gt\",\"value\":100}", "{\"n\":12345678901234567890123}")).isTrue();
  }

  @Test
  void pathsIntoArraysAndNestedObjects() {
    String firstItemSku = "{\"path\":\"$.items[0].sku\",\"op\":\"eq\",\"value\":\"A\"}";
    assertThat(onData(firstItemSku, "{\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}")).isTrue();
    assertThat(onData(firstItemSku, "{\"items\":[]}")).isFalse();
    assertThat(onData(firstItemSku, "{\"items\":{\"sku\":\"A\"}}")).isFalse();
    assertThat(onData("{\"path\":\"$['odd key'].v\",\"op\":\"eq\",\"value\":1}", "{\"odd key\":{\"v\":1}}"))
        .isTrue();
  }

  @Test
  void aDataPathNeverMatchesAnEventWithoutJsonData() {
    assertThat(matches("{\"path\":\"$.n\",\"op\":\"exists\"}", event("t", null))).isFalse();
    assertThat(matches("{\"path\":\"$.n\",\"op\":\"exists\",\"value\":false}", event("t", null))).isTrue();
  }

  @Test
  void combinatorsNest() {
    String rule = "{\"all\":["
        + "{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"order.created\"},"
        + "{\"any\":[{\"path\":\"$.amount\",\"op\":\"gt\",\"value\":100},"
        + "          {\"path\":\"$.vip\",\"op\":\"eq\",\"value\":true}]},"
        + "{\"not\":{\"path\":\"$.test\",\"op\":\"exists\"}}]}";

    assertThat(matches(rule, event("order.created", "{\"amount\":150}"))).isTrue();
    assertThat(matches(rule, event("order.created", "{\"amount\":50,\"vip\":true}"))).isTrue();
    assertThat(matches(rule, event("order.created", "{\"amount\":50}"))).isFalse();
    assertThat(matches(rule, event("order.created", "{\"amount\":150,\"test\":1}"))).isFalse();
    assertThat(matches(rule, event("order.deleted", "{\"amount\":150}"))).isFalse();
    assertThat(matches("{\"not\":{\"not\":{\"path\":\"$.a\",\"op\":\"exists\"}}}", data("{\"a\":0}"))).isTrue();
  }

  @Test
  void aRouteWithoutMatchTakesEveryEvent() {
    CompiledRoute route = TestRoutes.route("{\"to\":[\"out\"]}");

    assertThat(route.matches(event("anything", null))).isTrue();
    assertThat(route.matcher()).isEqualTo(Matcher.ANY_EVENT);
  }
}
