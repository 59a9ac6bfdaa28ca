package io.meshplane.routing;

import static io.meshplane.routing.TestRoutes.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteDefinitionParserTest {
  /** The example rule of DESIGN.md, "Events and routing". */
  private static final String DESIGN_EXAMPLE = """
      {"description": "large orders to finance",
       "from": ["meshplane.events.in"],
       "match": {"all": [{"attr": "type", "op": "eq", "value": "order.created"},
                         {"path": "$.amount", "op": "gt", "value": 100}]},
       "transform": [{"op": "rename", "from": "$.amount", "to": "$.total"},
                     {"op": "drop", "path": "$.card"}, {"op": "set", "path": "$.routed", "value": true}],
       "enrich": {"entityIdFrom": "$.datasetId", "fields": ["owner", "domain"], "into": "$.dataset"},
       "to": ["finance.orders.large"], "enabled": true}
      """;

  @Test
  void theDesignExampleRunsEndToEnd() {
    CompiledRoute route = RouteDefinitionParser.parse("large-orders", 7, new JsonObject(DESIGN_EXAMPLE));
    EventView large = new SimpleEventView(Map.of("type", "order.created", "source", "/shop"), new JsonObject(
        "{\"orderId\":\"o-1\",\"amount\":250.5,\"card\":\"4111\",\"datasetId\":\"urn:mesh:dataset:sales.orders\"}"));
    EventView small = new SimpleEventView(Map.of("type", "order.created"), new JsonObject("{\"amount\":99}"));
    EventView other = new SimpleEventView(Map.of("type", "order.paid"), new JsonObject("{\"amount\":250}"));
    JsonObject entity = new JsonObject("{\"id\":\"urn:mesh:dataset:sales.orders\",\"type\":\"dataset\","
        + "\"domain\":\"sales\",\"owner\":\"team-sales\",\"tags\":[],\"version\":3}");

    assertThat(route.name()).isEqualTo("large-orders");
    assertThat(route.version()).isEqualTo(7);
    assertThat(route.description()).isEqualTo("large orders to finance");
    assertThat(route.from()).containsExactly("meshplane.events.in");
    assertThat(route.to()).containsExactly("finance.orders.large");
    assertThat(route.enabled()).isTrue();
    assertThat(route.matches(large)).isTrue();
    assertThat(route.matches(small)).isFalse();
    assertThat(route.matches(other)).isFalse();

    JsonObject transformed = route.transform(large.data());
    assertThat(route.enrichmentId(transformed)).contains("urn:mesh:dataset:sales.orders");
    JsonObject out = route.enrich(transformed, entity);

    assertThat(out).isEqualTo(new JsonObject("{\"orderId\":\"o-1\",\"total\":250.5,"
        + "\"datasetId\":\"urn:mesh:dataset:sales.orders\",\"routed\":true,"
        + "\"dataset\":{\"owner\":\"team-sales\",\"domain\":\"sales\"}}"));
    assertThat(large.data().getValue("amount")).isEqualTo(250.5);
  }

  @Test
  void toJsonRoundTripsThroughTheParser() {
    CompiledRoute route = RouteDefinitionParser.parse("large-orders", 7, new JsonObject(DESIGN_EXAMPLE));
    CompiledRoute every = route("{\"match\":{\"any\":[{\"not\":{\"path\":\"$['a b'][0]\",\"op\":\"exists\"}},"
        + "{\"path\":\"$.x\",\"op\":\"exists\",\"value\":false},"
        + "{\"attr\":\"source\",\"op\":\"regex\",\"value\":\"^/shop/[a-z]+$\"},"
        + "{\"attr\":\"subject\",\"op\":\"prefix\",\"value\":\"orders/\"},"
        + "{\"path\":\"$.n\",\"op\":\"in\",\"value\":[1,\"two\",{\"three\":3}]},"
        + "{\"path\":\"$.n\",\"op\":\"ne\",\"value\":[1]},{\"path\":\"$.n\",\"op\":\"gte\",\"value\":1.5},"
        + "{\"path\":\"$.n\",\"op\":\"lt\",\"value\":-1},{\"path\":\"$.n\",\"op\":\"lte\",\"value\":0}]},"
        + "\"transform\":[{\"op\":\"project\",\"paths\":[\"$.a\",\"$['b c'].d\"]}],\"to\":[\"out\"],"
        + "\"enabled\":false}");

    for (CompiledRoute original : List.of(route, every)) {
      JsonObject json = original.toJson();
      assertThat(RouteDefinitionParser.parse(original.name(), original.version(), json).toJson()).isEqualTo(json);
    }
    assertThat(route.toJson()).isEqualTo(new JsonObject(DESIGN_EXAMPLE));
    assertThat(route("{\"to\":[\"out\"]}").toJson()).isEqualTo(new JsonObject("{\"to\":[\"out\"],\"enabled\":true}"));
  }

  @Test
  void fillsDefaultsAndDropsDuplicateTopics() {
    CompiledRoute route = route("{\"to\":[\"a\",\"b\",\"a\"]}");

    assertThat(route.from()).isEmpty();
    assertThat(route.to()).containsExactly("a", "b");
    assertThat(route.enabled()).isTrue();
    assertThat(route.description()).isNull();
    assertThat(route.transforms()).isEmpty();
    assertThat(route.enrich()).isEmpty();
  }

  @Test
  void refusesBadNamesAndBodies() {
    assertRefused(() -> RouteDefinitionParser.parse("", 1, new JsonObject("{\"to\":[\"a\"]}")), "route name");
    assertRefused(() -> RouteDefinitionParser.parse("a/b", 1, new JsonObject("{\"to\":[\"a\"]}")), "route name");
    assertRefused(() -> RouteDefinitionParser.parse("x".repeat(129), 1, new JsonObject("{\"to\":[\"a\"]}")),
        "route name");
    assertRefused(() -> RouteDefinitionParser.parse("r", 1, null), "must be a JSON object");
    assertThat(RouteDefinitionParser.parse("A-z_0.9", 1, new JsonObject("{\"to\":[\"a\"]}")).name())
        .isEqualTo("A-z_0.9");
  }

  @Test
  void refusesUnknownFieldsWhereverTheyAre() {
    assertRule("{\"to\":[\"a\"],\"colour\":1}", "unknown field 'colour'");
    assertRule("{\"to\":[\"a\"],\"match\":{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"t\",\"x\":1}}",
        "unknown field 'match.x'");
    assertRule("{\"to\":[\"a\"],\"transform\":[{\"op\":\"drop\",\"path\":\"$.a\",\"value\":1}]}",
        "unknown field 'transform[0].value'");
    assertRule("{\"to\":[\"a\"],\"enrich\":{\"entityIdFrom\":\"$.a\",\"fields\":[\"owner\"],\"into\":\"$.b\","
        + "\"cache\":false}}", "unknown field 'enrich.cache'");
  }

  @Test
  void refusesBadTopics() {
    assertRule("{}", "'to' is required");
    assertRule("{\"to\":[]}", "'to' must be a non-empty array");
    assertRule("{\"to\":\"a\"}", "'to' must be a non-empty array");
    assertRule("{\"to\":[\"bad topic\"]}", "'to[0]' must be a Kafka topic name");
    assertRule("{\"to\":[\"ok\",\"..\"]}", "'to[1]' must be a Kafka topic name");
    assertRule("{\"to\":[\".\"]}", "'to[0]' must be a Kafka topic name");
    assertRule("{\"to\":[\"" + "t".repeat(250) + "\"]}", "'to[0]' must be a Kafka topic name");
    assertRule("{\"to\":[5]}", "'to[0]' must be a Kafka topic name");
    assertRule("{\"from\":[],\"to\":[\"a\"]}", "'from' must be a non-empty array");
    assertRule("{\"from\":[\"a:b\"],\"to\":[\"a\"]}", "'from[0]' must be a Kafka topic name");
    assertThat(route("{\"to\":[\"" + "t".repeat(249) + "\"]}").to()).hasSize(1);
  }

  @Test
  void refusesBadScalars() {
    assertRule("{\"to\":[\"a\"],\"enabled\":\"yes\"}", "'enabled' must be true or false");
    assertRule("{\"to\":[\"a\"],\"description\":7}", "'description' must be a string");
    assertRule("{\"to\":[\"a\"],\"description\":\"" + "d".repeat(1025) + "\"}", "'description' holds 1025");
    assertRule("{\"to\":[\"a\"],\"description\":\"a\\u0000b\"}", "'description' contains a NUL character");
    assertTransform("{\"op\":\"set\",\"path\":\"$.a\",\"value\":{\"k\":\"\\ud800\"}}",
        "'transform' contains an unpaired UTF-16 surrogate");
  }

  @Test
  void refusesBadConditions() {
    assertMatch("{\"attr\":\"type\",\"op\":\"like\",\"value\":\"t\"}", "'match.op' 'like' is not an operator; one of eq,");
    assertMatch("{\"attr\":\"type\",\"value\":\"t\"}", "'match.op' is required");
    assertMatch("{\"attr\":\"type\",\"op\":\"eq\"}", "'match.value' is required for 'eq'");
    assertMatch("{\"attr\":\"type\",\"op\":\"eq\",\"value\":null}", "'match.value' must not be null");
    assertMatch("{\"attr\":\"type\",\"op\":\"eq\",\"value\":5}", "'match.value' must be a string");
    assertMatch("{\"attr\":\"Type\",\"op\":\"eq\",\"value\":\"t\"}", "'match.attr' must be a CloudEvents attribute");
    assertMatch("{\"attr\":\"type\",\"path\":\"$.a\",\"op\":\"eq\",\"value\":\"t\"}", "exactly one of 'attr'");
    assertMatch("{\"op\":\"eq\",\"value\":\"t\"}", "exactly one of 'attr' and 'path'");
    assertMatch("{\"path\":\"$..a\",\"op\":\"eq\",\"value\":1}", "'match.path' is invalid: '$..a' is not a supported");
    assertMatch("{\"path\":5,\"op\":\"eq\",\"value\":1}", "'match.path' must be a string");
    assertMatch("{\"path\":\"$.a\",\"op\":\"in\",\"value\":[]}", "'match.value' must be a non-empty array");
    assertMatch("{\"path\":\"$.a\",\"op\":\"in\",\"value\":\"x\"}", "'match.value' must be a non-empty array");
    assertMatch("{\"path\":\"$.a\",\"op\":\"in\",\"value\":[1,null]}", "'match.value[1]' must not be null");
    assertMatch("{\"attr\":\"type\",\"op\":\"in\",\"value\":[\"a\",1]}", "'match.value[1]' must be a string");
    assertMatch("{\"path\":\"$.a\",\"op\":\"prefix\",\"value\":1}", "'match.value' must be a string");
    assertMatch("{\"path\":\"$.a\",\"op\":\"gt\",\"value\":\"100\"}", "'match.value' of 'gt' must be a number");
    assertMatch("{\"attr\":\"time\",\"op\":\"lt\",\"value\":1}", "'match.op' 'lt' compares numbers");
    assertMatch("{\"path\":\"$.a\",\"op\":\"exists\",\"value\":\"yes\"}", "'match.value' of 'exists' must be true");
  }

  @Test
  void refusesBadRegexesWithTheReason() {
    assertMatch("{\"path\":\"$.a\",\"op\":\"regex\",\"value\":\"(unclosed\"}",
        "'match.value' is not a valid regex: Unclosed group near index 9");
    assertMatch("{\"path\":\"$.a\",\"op\":\"regex\",\"value\":\"" + "a".repeat(513) + "\"}",
        "'match.value' is a regex of 513 characters; at most 512");
    for (String catastrophic : List.of("(a+)+$", "^(a*)*b", "(x|y+)*z", "(.*a){12}", "((ab)*c)+", "(?:\\\\d+)+")) {
      assertMatch("{\"path\":\"$.a\",\"op\":\"regex\",\"value\":\"" + catastrophic + "\"}",
          "'match.value' repeats a group that holds a quantifier");
    }
    for (String fine : List.of("^(ab)+$", "(a+)?b", "[(+]+", "\\\\(a+\\\\)+", "^orders/[0-9]+$", "(?i)^a.*z$",
        "\\\\Q(a+)+\\\\E")) {
      assertThat(TestRoutes.matching("{\"path\":\"$.a\",\"op\":\"regex\",\"value\":\"" + fine + "\"}")).as(fine)
          .isNotNull();
    }
  }

  @Test
  void refusesBadCombinatorsAndLimits() {
    assertMatch("[]", "'match' must be a JSON object");
    assertMatch("{}", "'match' must be all/any/not or a condition");
    assertMatch("{\"all\":[]}", "'match.all' must be a non-empty array");
    assertMatch("{\"any\":{}}", "'match.any' must be a non-empty array");
    assertMatch("{\"not\":[]}", "'match.not' must be a JSON object");
    assertMatch("{\"all\":[{\"path\":\"$.a\",\"op\":\"exists\"}],\"any\":[]}", "'match' must hold 'all' alone");
    assertMatch("{\"all\":[{\"path\":\"$.a\",\"op\":\"exists\"},{\"any\":[{\"path\":\"$.b\",\"op\":\"nope\"}]}]}",
        "'match.all[1].any[0].op' 'nope' is not an operator");

    String leaf = "{\"path\":\"$.a\",\"op\":\"exists\"}";
    assertThat(TestRoutes.matching(nest(leaf, MatcherParser.MAX_DEPTH - 1))).isNotNull();
    assertMatch(nest(leaf, MatcherParser.MAX_DEPTH), "is nested deeper than 16 levels");
    String many = "{\"any\":[" + String.join(",", java.util.Collections.nCopies(257, leaf)) + "]}";
    assertMatch(many, "holds 257 items; at most 256");
    String split = "{\"all\":[{\"any\":[" + String.join(",", java.util.Collections.nCopies(200, leaf)) + "]},"
        + "{\"any\":[" + String.join(",", java.util.Collections.nCopies(57, leaf)) + "]}]}";
    assertMatch(split, "'match' holds more than 256 conditions");
  }

  @Test
  void refusesBadTransforms() {
    assertTransform("{}", "'transform[0].op' is required");
    assertTransform("{\"op\":\"upper\",\"path\":\"$.a\"}", "'transform[0].op' must be one of project, rename, set");
    assertTransform("{\"op\":\"project\",\"paths\":[]}", "'transform[0].paths' must be a non-empty array");
    assertTransform("{\"op\":\"project\",\"paths\":[\"$.a\",\"$.b[0]\"]}",
        "'transform[0].paths[1]' must name object fields only");
    assertTransform("{\"op\":\"project\",\"paths\":[\"a\"]}", "'transform[0].paths[0]' is invalid");
    assertTransform("{\"op\":\"rename\",\"from\":\"$.a\"}", "'transform[0].to' is required");
    assertTransform("{\"op\":\"rename\",\"from\":\"$.a\",\"to\":\"$\"}", "'transform[0].to' is invalid");
    assertTransform("{\"op\":\"set\",\"path\":\"$.a\"}", "'transform[0].value' is required for 'set'");
    assertTransform("{\"op\":\"drop\"}", "'transform[0].path' is required");
    assertRule("{\"to\":[\"a\"],\"transform\":{}}", "'transform' must be a non-empty array");
    assertRule("{\"to\":[\"a\"],\"transform\":[5]}", "'transform[0]' must be a JSON object");
  }

  @Test
  void refusesBadEnrichment() {
    assertEnrich("{\"entityIdFrom\":\"$.id\",\"fields\":[\"owner\",\"password\"],\"into\":\"$.e\"}",
        "'enrich.fields[1]' must be a field of the entity document");
    assertEnrich("{\"entityIdFrom\":\"$.id\",\"fields\":[],\"into\":\"$.e\"}", "'enrich.fields' must be a non-empty");
    assertEnrich("{\"fields\":[\"owner\"],\"into\":\"$.e\"}", "'enrich.entityIdFrom' is required");
    assertEnrich("{\"entityIdFrom\":\"$.id\",\"fields\":[\"owner\"],\"into\":\"e\"}", "'enrich.into' is invalid");
    assertRule("{\"to\":[\"a\"],\"enrich\":[]}", "'enrich' must be a JSON object");
    assertThat(route("{\"to\":[\"a\"],\"enrich\":{\"entityIdFrom\":\"$.id\",\"fields\":[\"id\",\"type\",\"domain\","
        + "\"sourceSystem\",\"owner\",\"tags\",\"attributes\",\"schemaRef\",\"version\",\"createdAt\",\"updatedAt\"],"
        + "\"into\":\"$.e\"}}").enrich().orElseThrow().fields()).hasSize(11);
  }

  private static String nest(String leaf, int levels) {
    return "{\"not\":".repeat(levels) + leaf + "}".repeat(levels);
  }

  private static void assertMatch(String match, String reason) {
    assertRule("{\"match\":" + match + ",\"to\":[\"a\"]}", reason);
  }

  private static void assertTransform(String step, String reason) {
    assertRule("{\"transform\":[" + step + "],\"to\":[\"a\"]}", reason);
  }

  private static void assertEnrich(String enrich, String reason) {
    assertRule("{\"enrich\":" + enrich + ",\"to\":[\"a\"]}", reason);
  }

  private static void assertRule(String definition, String reason) {
    assertRefused(() -> route(definition), reason);
  }

  private static void assertRefused(Runnable parse, String reason) {
    assertThatThrownBy(parse::run)
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
  }
}
