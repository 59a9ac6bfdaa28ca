package io.meshplane.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reader/writer checks: every issue says where and what, and anything not understood is never waved through. */
class JsonSchemaCompatibilityTest {

  @Test
  void identicalSchemasAndAnnotationChangesAreCompatible() {
    String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"oneOf\":[{\"type\":\"string\"}]}}}";
    assertThat(check(schema, schema)).isEmpty();
    assertThat(check("{\"type\":\"string\",\"title\":\"A\",\"description\":\"new words\"}",
        "{\"type\":\"string\",\"title\":\"B\"}")).isEmpty();
  }

  @Test
  void typeWideningIsReadableAndNarrowingIsNot() {
    assertThat(check("{\"type\":\"number\"}", "{\"type\":\"integer\"}")).isEmpty();
    assertThat(check("{\"type\":[\"string\",\"null\"]}", "{\"type\":\"string\"}")).isEmpty();
    assertThat(check("{}", "{\"type\":\"string\"}")).isEmpty();

    assertThat(check("{\"type\":\"integer\"}", "{\"type\":\"number\"}"))
        .containsExactly("/type: W allows type number, which R rejects");
    assertThat(check("{\"type\":\"string\"}", "{\"type\":[\"string\",\"null\"]}"))
        .containsExactly("/type: W allows type null, which R rejects");
    assertThat(check("{\"type\":\"string\"}", "{}"))
        .containsExactly("/type: W allows any type, but R accepts only string");
  }

  @Test
  void addingARequiredPropertyBreaksReadersOfOldDataAndRemovingOneBreaksTheOtherWay() {
    String old = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}},"
        + "\"required\":[\"a\"]}";
    String stricter = old.replace("[\"a\"]", "[\"a\",\"b\"]");

    assertThat(check(stricter, old)).containsExactly("/required: R requires property 'b', which W does not require");
    assertThat(check(old, stricter)).isEmpty();
  }

  @Test
  void closedContentModelsMakeAddedAndRemovedPropertiesMatter() {
    String closed = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},"
        + "\"additionalProperties\":false}";
    String closedWithB = closed.replace("}},", "},\"b\":{\"type\":\"integer\"}},");

    assertThat(check(closedWithB, closed)).as("an optional property the old writer never wrote").isEmpty();
    assertThat(check(closed, closedWithB))
        .containsExactly("/properties/b: W allows property 'b', which R rejects (additionalProperties: false)");
  }

  @Test
  void aPropertyAddedToAnOpenContentModelMayClashWithWhatWasWrittenThere() {
    String open = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    String openWithB = open.replace("}}}", "},\"b\":{\"type\":\"integer\"}}}");

    assertThat(check(openWithB, open)).containsExactly("/properties/b/type: W allows any type, but R accepts only "
        + "integer");
    assertThat(check(open, openWithB)).as("the open reader takes b as an additional property").isEmpty();
    assertThat(check(open.replace("}}}", "}},\"additionalProperties\":false}"), open))
        .containsExactly("/additionalProperties: W allows values here, which R rejects (false schema)");
  }

  @Test
  void enumRemovalBreaksReadersAndAdditionBreaksWriters() {
    String abc = "{\"type\":\"string\",\"enum\":[\"a\",\"b\",\"c\"]}";
    String ab = "{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}";

    assertThat(check(abc, ab)).isEmpty();
    assertThat(check(ab, abc)).containsExactly("/enum: W allows the value \"c\", which R rejects");
    assertThat(check(ab, "{\"type\":\"string\"}"))
        .containsExactly("(root): R accepts only [\"a\",\"b\"], where W allows any value");
    assertThat(check("{\"type\":\"string\"}", "{\"const\":\"a\"}")).isEmpty();
    assertThat(check("{\"type\":\"integer\"}", "{\"enum\":[1,2.5]}"))
        .containsExactly("/enum: W allows the value 2.5, which R rejects");
  }

  @Test
  void nestedObjectsAndArrayItemsAreComparedRecursively() {
    String old = "{\"type\":\"object\",\"properties\":{\"owner\":{\"type\":\"object\",\"properties\":"
        + "{\"name\":{\"type\":\"string\"}}},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"number\"}}}}";
    String changed = old.replace("{\"name\":{\"type\":\"string\"}}", "{\"name\":{\"type\":\"integer\"}}")
        .replace("{\"type\":\"number\"}", "{\"type\":\"integer\"}");

    assertThat(check(changed, old)).containsExactly(
        "/properties/owner/properties/name/type: W allows type string, which R rejects",
        "/properties/tags/items/type: W allows type number, which R rejects");
    assertThat(check(old, changed)).containsExactly(
        "/properties/owner/properties/name/type: W allows type integer, which R rejects");
  }

  @Test
  void keywordsItCannotReasonAboutAreIncompatibleUnlessIdentical() {
    assertThat(check("{\"type\":\"string\",\"pattern\":\"^a\"}", "{\"type\":\"string\",\"pattern\":\"^b\"}"))
        .containsExactly("/pattern: 'pattern' differs between the schemas; its compatibility cannot be checked, "
            + "so any change to it counts as incompatible");
    assertThat(check("{\"$defs\":{\"x\":{\"type\":\"string\"}},\"$ref\":\"#/$defs/x\"}",
        "{\"$defs\":{\"x\":{\"type\":\"number\"}},\"$ref\":\"#/$defs/x\"}")).hasSize(1)
        .allSatisfy(issue -> assertThat(issue).startsWith("/$defs: '$defs' differs"));
    assertThat(check("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}", "{\"type\":\"string\"}"))
        .anySatisfy(issue -> assertThat(issue).startsWith("/oneOf: 'oneOf' differs"));
    assertThat(check("{\"type\":\"string\",\"maxLength\":10}", "{\"type\":\"string\",\"maxLength\":5}"))
        .as("even a loosening is not waved through").hasSize(1);
  }

  @Test
  void falseSchemasAcceptNothing() {
    assertThat(check("{\"properties\":{\"a\":{\"type\":\"string\"}}}", "{\"properties\":{\"a\":false}}")).isEmpty();
    assertThat(check("{\"properties\":{\"a\":false}}", "{\"properties\":{\"a\":{}}}"))
        .containsExactly("/properties/a: W allows values here, which R rejects (false schema)");
  }

  private static List<String> check(String reader, String writer) {
    return JsonSchemaCompatibility.incompatibilities(new JsonObject(reader), new JsonObject(writer), "R", "W");
  }
}
