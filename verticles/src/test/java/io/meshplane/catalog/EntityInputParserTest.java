package io.meshplane.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.problem.ProblemException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class EntityInputParserTest {

  @Test
  void parsesEveryWritableField() {
    EntityInput input = parse("{\"type\":\"dataset\",\"domain\":\"sales\",\"sourceSystem\":\"dbt\",\"owner\":\"ann\","
        + "\"tags\":[\"a\",\"b\",\"a\"],\"attributes\":{\"n\":1},\"schemaRef\":{\"subject\":\"s\",\"version\":2},"
        + "\"version\":9,\"createdAt\":\"ignored\"}");

    assertThat(input.type()).isEqualTo("dataset");
    assertThat(input.domain()).isEqualTo("sales");
    assertThat(input.sourceSystem()).isEqualTo("dbt");
    assertThat(input.owner()).isEqualTo("ann");
    assertThat(input.tags()).containsExactly("a", "b");
    assertThat(new JsonObject(input.attributesJson())).isEqualTo(new JsonObject().put("n", 1));
    assertThat(input.schemaRef().subject()).isEqualTo("s");
    assertThat(input.schemaRef().version()).isEqualTo(2);
  }

  @Test
  void refusesWhatTheCatalogCannotHoldWithTheReason() {
    assertRefused("", "request body is empty");
    assertRefused("{", "malformed JSON");
    assertRefused("[1]", "expected a JSON object");
    assertRefused("{\"domain\":\"x\"}", "'type' is required");
    assertRefused("{\"type\":5}", "'type' must be a string");
    assertRefused("{\"type\":\"\"}", "'type' must be 1-256 characters");
    assertRefused("{\"type\":\"t\",\"attributes\":[1]}", "'attributes' must be a JSON object");
    assertRefused("{\"type\":\"t\",\"attributes\":\"x\"}", "'attributes' must be a JSON object");
    assertRefused("{\"type\":\"t\",\"tags\":\"x\"}", "'tags' must be an array of strings");
    assertRefused("{\"type\":\"t\",\"tags\":[1]}", "'tags' items must be strings");
    assertRefused("{\"type\":\"t\",\"colour\":1}", "unknown field 'colour'");
    assertRefused("{\"type\":\"t\",\"id\":\"other\"}", "body id does not match");
    assertRefused("{\"type\":\"t\\u0000\"}", "NUL");
    assertRefused("{\"type\":\"t\",\"attributes\":{\"k\":\"\\u0000\"}}", "NUL");
    assertRefused("{\"type\":\"t\",\"attributes\":{\"\\ud800\":1}}", "unpaired UTF-16 surrogate");
    assertRefused("{\"type\":\"t\",\"schemaRef\":{\"subject\":\"s\",\"version\":0}}", "positive integer");
    assertRefused("{\"type\":\"t\",\"schemaRef\":{\"subject\":\"s\",\"version\":1.5}}", "positive integer");
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    String deep = "{\"a\":".repeat(JsonLimits.MAX_DEPTH) + "1" + "}".repeat(JsonLimits.MAX_DEPTH);
    String ok = "{\"a\":".repeat(JsonLimits.MAX_DEPTH - 1) + "1" + "}".repeat(JsonLimits.MAX_DEPTH - 1);

    assertRefused("{\"type\":\"t\",\"attributes\":" + deep + "}", "nested deeper than");
    assertThat(parse("{\"type\":\"t\",\"attributes\":" + ok + "}").attributesJson()).startsWith("{\"a\"");
  }

  @Test
  void refusesAttributesOverSixtyFourKibibytes() {
    String big = "x".repeat(EntityInputParser.MAX_ATTRIBUTES_BYTES);

    assertRefused("{\"type\":\"t\",\"attributes\":{\"k\":\"" + big + "\"}}", "'attributes' encodes to");
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] body = "{\"type\":\"tXX\"}".getBytes();
    body[10] = (byte) 0xC0;
    body[11] = (byte) 0xAF; // overlong encoding of '/'

    assertThatThrownBy(() -> EntityInputParser.parse("a", Buffer.buffer(body)))
        .isInstanceOfSatisfying(ProblemException.class,
            e -> assertThat(e.problem().status()).isEqualTo(400));
  }

  @Test
  void idsFollowTheDesignedAlphabet() {
    assertThat(EntityIds.require("urn:mesh:dataset:sales.orders/v1@prod-1_x")).isNotNull();
    for (String bad : new String[] {"", "a b", "a?b", "ü", "x".repeat(257), "a\u0000b", "../etc"}) {
      if (bad.equals("../etc")) {
        // dots and slashes are legal id characters; a traversal-looking id is just an id, stored verbatim
        assertThat(EntityIds.require(bad)).isEqualTo(bad);
        continue;
      }
      assertThatThrownBy(() -> EntityIds.require(bad)).isInstanceOf(ProblemException.class)
          .hasMessageContaining("invalid entity id");
    }
  }

  private static EntityInput parse(String json) {
    return EntityInputParser.parse("a", Buffer.buffer(json));
  }

  private static void assertRefused(String json, String reason) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(ProblemException.class, e -> {
          assertThat(e.problem().status()).isEqualTo(400);
          assertThat(e.problem().detail()).contains(reason);
        });
  }
}
