package io.meshplane.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class JsonPathTest {
  private final JsonObject doc = new JsonObject(
      "{\"a\":{\"b\":1,\"n\":null},\"items\":[{\"id\":\"x\"},{\"id\":\"y\"}],\"key with spaces\":true,\"s\":\"t\"}");

  @Test
  void readsNamesQuotedNamesAndIndexes() {
    assertThat(JsonPath.compile("$.a.b").read(doc)).isEqualTo(1);
    assertThat(JsonPath.compile("$.items[1].id").read(doc)).isEqualTo("y");
    assertThat(JsonPath.compile("$['key with spaces']").read(doc)).isEqualTo(true);
    assertThat(JsonPath.compile("$[\"a\"]['b']").read(doc)).isEqualTo(1);
    assertThat(JsonPath.compile("$.a").read(doc)).isEqualTo(new JsonObject().put("b", 1).putNull("n"));
    assertThat(JsonPath.compile("$.snake_case-and-dash9").read(doc)).isNull();
  }

  @Test
  void readsNullWhereverThePathLeavesTheDocument() {
    assertThat(JsonPath.compile("$.missing.b").read(doc)).isNull();
    assertThat(JsonPath.compile("$.items[2].id").read(doc)).isNull();
    assertThat(JsonPath.compile("$.s.t").read(doc)).isNull();
    assertThat(JsonPath.compile("$.a[0]").read(doc)).isNull();
    assertThat(JsonPath.compile("$.a").read(null)).isNull();
  }

  @Test
  void existsCountsJsonNullAsPresent() {
    assertThat(JsonPath.compile("$.a.n").exists(doc)).isTrue();
    assertThat(JsonPath.compile("$.a.missing").exists(doc)).isFalse();
    assertThat(JsonPath.compile("$.items[1]").exists(doc)).isTrue();
    assertThat(JsonPath.compile("$.items[2]").exists(doc)).isFalse();
    assertThat(JsonPath.compile("$.a").exists(null)).isFalse();
  }

  @Test
  void setCreatesIntermediateObjectsAndWritesArrayElements() {
    JsonObject target = doc.copy();

    JsonPath.compile("$.x.y.z").set(target, 5);
    JsonPath.compile("$.items[0].id").set(target, "changed");
    JsonPath.compile("$.items[2]").set(target, "appended");
    JsonPath.compile("$.a.n.m").set(target, 1);

    assertThat(target.getJsonObject("x")).isEqualTo(new JsonObject("{\"y\":{\"z\":5}}"));
    assertThat(target.getJsonArray("items")).isEqualTo(new JsonArray("[{\"id\":\"changed\"},{\"id\":\"y\"},"
        + "\"appended\"]"));
    assertThat(target.getJsonObject("a").getJsonObject("n")).isEqualTo(new JsonObject().put("m", 1));
  }

  @Test
  void setRefusesShapesItCannotWriteInto() {
    JsonObject target = doc.copy();

    assertThatThrownBy(() -> JsonPath.compile("$.s.t").set(target, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("'$.s' is not an object");
    assertThatThrownBy(() -> JsonPath.compile("$.a[0]").set(target, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("'$.a' is not an array");
    assertThatThrownBy(() -> JsonPath.compile("$.items[5]").set(target, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'$.items[5]' is beyond the end");
    assertThatThrownBy(() -> JsonPath.compile("$.fresh[0]").set(target, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'$.fresh' is absent");
    assertThat(target).isEqualTo(doc);
  }

  @Test
  void removeReturnsTheValueAndIgnoresAbsentPaths() {
    JsonObject target = doc.copy();

    assertThat(JsonPath.compile("$.a.b").remove(target)).isEqualTo(1);
    assertThat(JsonPath.compile("$.items[0]").remove(target)).isEqualTo(new JsonObject().put("id", "x"));
    assertThat(JsonPath.compile("$.missing.b").remove(target)).isNull();
    assertThat(JsonPath.compile("$.items[9]").remove(target)).isNull();

    assertThat(target.getJsonObject("a").containsKey("b")).isFalse();
    assertThat(target.getJsonArray("items")).isEqualTo(new JsonArray("[{\"id\":\"y\"}]"));
  }

  @Test
  void refusesEverythingOutsideTheSmallGrammarNamingThePath() {
    for (String path : new String[] {"", "$", "a.b", "$.", "$..a", "$.a b", "$.*", "$[*]", "$[-1]", "$[01]",
        "$['a'", "$['']", "$[a]", "$.a[?(@.b)]", "$[0:2]", "$.a.", "$[1234567890]", "$.é"}) {
      assertThatThrownBy(() -> JsonPath.compile(path))
          .as(path)
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("is not a supported JSON path")
          .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }
    assertThatThrownBy(() -> JsonPath.compile("$.a b")).hasMessageStartingWith("'$.a b'");
    assertThatThrownBy(() -> JsonPath.compile("$" + ".a".repeat(33))).hasMessageContaining("more than 32 steps");
    assertThatThrownBy(() -> JsonPath.compile("$." + "a".repeat(600))).hasMessageContaining("longer than 512");
  }

  @Test
  void printsAsWritten() {
    assertThat(JsonPath.compile("$['a b'].c[3]")).hasToString("$['a b'].c[3]");
    assertThat(JsonPath.compile("$.a")).isEqualTo(JsonPath.compile("$.a"));
  }
}
