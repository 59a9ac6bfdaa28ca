package io.meshplane.routing;

import static io.meshplane.routing.DefinitionFields.array;
import static io.meshplane.routing.DefinitionFields.child;
import static io.meshplane.routing.DefinitionFields.item;
import static io.meshplane.routing.DefinitionFields.refused;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Compiles the {@code match} grammar: {@code all}/{@code any}/{@code not} over conditions on an {@code attr} or a data
 * {@code path}, within limits on nesting, size and regex shape so that no rule can make matching expensive.
 */
final class MatcherParser {
  static final int MAX_DEPTH = 16;
  static final int MAX_CONDITIONS = 256;
  static final int MAX_IN_VALUES = 1024;
  static final int MAX_PATTERN_LENGTH = 512;
  private static final List<String> COMBINATORS = List.of("all", "any", "not");
  private static final Set<String> CONDITION_FIELDS = Set.of("attr", "path", "op", "value");
  /** CloudEvents attribute and extension names: lower-case ASCII letters and digits. */
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]{1,64}");
  private static final String OPERATORS = Arrays.stream(Operator.values())
      .map(operator -> operator.wireName)
      .collect(Collectors.joining(", "));

  private int conditions;

  private MatcherParser() {}

  static Matcher parse(String location, Object match) {
    return new MatcherParser().node(location, match, 1);
  }

  private Matcher node(String location, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw refused(location, "is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (!(value instanceof JsonObject json)) {
      throw refused(location, "must be a JSON object: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} "
          + "or a condition");
    }
    for (String combinator : COMBINATORS) {
      if (json.containsKey(combinator)) {
        if (json.size() != 1) {
          throw refused(location, "must hold '" + combinator + "' alone");
        }
        String where = child(location, combinator);
        Object operand = json.getValue(combinator);
        return switch (combinator) {
          case "all" -> new AllMatcher(children(where, operand, depth));
          case "any" -> new AnyMatcher(children(where, operand, depth));
          default -> new NotMatcher(node(where, operand, depth + 1));
        };
      }
    }
    return condition(location, json);
  }

  private List<Matcher> children(String location, Object value, int depth) {
    JsonArray array = array(location, value, MAX_CONDITIONS);
    List<Matcher> children = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      children.add(node(item(location, i), array.getValue(i), depth + 1));
    }
    return children;
  }

  private Condition condition(String location, JsonObject json) {
    DefinitionFields.onlyKnown(json, location, CONDITION_FIELDS);
    if (json.containsKey("attr") == json.containsKey("path")) {
      throw refused(location, "must be all/any/not or a condition with exactly one of 'attr' and 'path'");
    }
    if (++conditions > MAX_CONDITIONS) {
      throw ProblemException.badRequest("'match' holds more than " + MAX_CONDITIONS + " conditions");
    }
    String attribute = null;
    JsonPath path = null;
    if (json.containsKey("attr")) {
      attribute = DefinitionFields.string(child(location, "attr"), json.getValue("attr"));
      if (!ATTRIBUTE_NAME.matcher(attribute).matches()) {
        throw refused(child(location, "attr"), "must be a CloudEvents attribute name: 1-64 lower-case letters "
            + "or digits");
      }
    } else {
      path = DefinitionFields.path(child(location, "path"), json.getValue("path"));
    }
    Operator operator = operator(child(location, "op"), json.getValue("op"));
    if (attribute != null && operator.isNumeric()) {
      throw refused(child(location, "op"), "'" + operator.wireName + "' compares numbers, but attributes are "
          + "strings; compare a data path instead");
    }
    Object operand = operand(child(location, "value"), operator, attribute != null, json);
    return new Condition(attribute, path, operator, operand);
  }

  private static Operator operator(String location, Object value) {
    Operator operator = value instanceof String name ? Operator.fromWireName(name) : null;
    if (operator == null) {
      throw refused(location, (value == null ? "is required" : "'" + value + "' is not an operator") + "; one of "
          + OPERATORS);
    }
    return operator;
  }

  private static Object operand(String location, Operator operator, boolean ofAttribute, JsonObject json) {
    boolean present = json.containsKey("value");
    Object value = json.getValue("value");
    if (operator == Operator.EXISTS) {
      if (!present) {
        return Boolean.TRUE;
      }
      if (value instanceof Boolean mustExist) {
        return mustExist;
      }
      throw refused(location, "of 'exists' must be true (present) or false (absent), or be left out");
    }
    if (!present) {
      throw refused(location, "is required for '" + operator.wireName + "'");
    }
    if (value == null) {
      throw refused(location, "must not be null; use 'exists' to test for presence");
    }
    return switch (operator) {
      case EQ, NE -> {
        if (ofAttribute && !(value instanceof String)) {
          throw refused(location, "must be a string: attributes are strings");
        }
        yield JsonValues.copy(value);
      }
      case IN -> inValues(location, value, ofAttribute);
      case PREFIX -> DefinitionFields.string(location, value);
      case REGEX -> pattern(location, DefinitionFields.string(location, value));
      default -> {
        if (!(value instanceof Number)) {
          throw refused(location, "of '" + operator.wireName + "' must be a number");
        }
        yield value;
      }
    };
  }

  private static List<Object> inValues(String location, Object value, boolean ofAttribute) {
    JsonArray array = array(location, value, MAX_IN_VALUES);
    List<Object> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (item == null || (ofAttribute && !(item instanceof String))) {
        throw refused(item(location, i), ofAttribute ? "must be a string: attributes are strings" : "must not be null");
      }
      values.add(JsonValues.copy(item));
    }
    return List.copyOf(values);
  }

  private static Pattern pattern(String location, String regex) {
    if (regex.length() > MAX_PATTERN_LENGTH) {
      throw refused(location, "is a regex of " + regex.length() + " characters; at most " + MAX_PATTERN_LENGTH);
    }
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw refused(location, "is not a valid regex: " + e.getDescription() + " near index " + e.getIndex());
    }
    if (RegexGuard.hasNestedQuantifier(regex)) {
      throw refused(location, "repeats a group that holds a quantifier, e.g. (a+)+, which can backtrack "
          + "catastrophically; rewrite it without the nesting");
    }
    return pattern;
  }
}
