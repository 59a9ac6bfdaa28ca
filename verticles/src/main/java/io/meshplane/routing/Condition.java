package io.meshplane.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A leaf of a match: one CloudEvents attribute or one JSON path into the data, an operator and its compiled operand
 * (a list for {@code in}, a {@link Pattern} for {@code regex}, a Boolean for {@code exists}, else the JSON value).
 * Exactly one of {@code attribute} and {@code path} is set.
 */
record Condition(String attribute, JsonPath path, Operator operator, Object operand) implements Matcher {

  @Override
  public boolean matches(EventView event) {
    Object actual = attribute != null ? event.attribute(attribute) : path.read(event.data());
    return operator.test(actual, operand);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = attribute != null
        ? new JsonObject().put("attr", attribute)
        : new JsonObject().put("path", path.toString());
    json.put("op", operator.wireName);
    switch (operator) {
      case IN -> {
        JsonArray values = new JsonArray();
        ((List<?>) operand).forEach(value -> values.add(JsonValues.copy(value)));
        json.put("value", values);
      }
      case REGEX -> json.put("value", ((Pattern) operand).pattern());
      case EXISTS -> {
        if (!(Boolean) operand) {
          json.put("value", false);
        }
      }
      default -> json.put("value", JsonValues.copy(operand));
    }
    return json;
  }
}
