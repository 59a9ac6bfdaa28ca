package io.meshplane.schema;

import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a vertx-json-schema result into messages a client can act on. The basic output lists every failing keyword
 * including the enclosing ones ("a subschema had errors") and applicators that only relay a child's failure (the
 * library also fails {@code additionalProperties} for a declared property whose value is wrong); only the innermost,
 * and one per instance location, say what is actually wrong.
 */
final class ValidationErrors {
  private static final Set<String> APPLICATORS = Set.of("properties", "patternProperties", "additionalProperties",
      "unevaluatedProperties", "items", "prefixItems", "additionalItems");
  private ValidationErrors() {}

  /** At most {@code max} messages of the form {@code "/json/pointer: what is wrong"}, then how many were left out. */
  static List<String> describe(OutputUnit result, int max) {
    List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
    List<String> messages = new ArrayList<>();
    Set<String> locations = new HashSet<>();
    for (OutputUnit error : errors) {
      if (isEnclosing(error, errors) || relaysChildFailure(error, errors)
          || !locations.add(error.getInstanceLocation())) {
        continue;
      }
      messages.add(JsonPointers.display(pointerOf(error.getInstanceLocation())) + ": " + error.getError());
    }
    if (messages.isEmpty()) {
      messages.add("(root): " + (errors.isEmpty() ? "does not validate" : errors.get(0).getError()));
    }
    return limit(messages, max);
  }

  static List<String> limit(List<String> messages, int max) {
    if (messages.size() <= max) {
      return messages;
    }
    List<String> shown = new ArrayList<>(messages.subList(0, max));
    shown.add("and " + (messages.size() - max) + " more");
    return shown;
  }

  private static boolean isEnclosing(OutputUnit error, List<OutputUnit> all) {
    String keyword = error.getKeywordLocation() + "/";
    return all.stream().anyMatch(other -> other.getKeywordLocation().startsWith(keyword));
  }

  private static boolean relaysChildFailure(OutputUnit error, List<OutputUnit> all) {
    String keyword = error.getKeywordLocation();
    String beneath = error.getInstanceLocation() + "/";
    return APPLICATORS.contains(keyword.substring(keyword.lastIndexOf('/') + 1))
        && all.stream().anyMatch(other -> other.getInstanceLocation().startsWith(beneath));
  }

  /** The library writes instance locations as URI fragments ({@code #/a/0}); the pointer is what follows the '#'. */
  private static String pointerOf(String location) {
    return location == null ? "" : location.startsWith("#") ? location.substring(1) : location;
  }
}
