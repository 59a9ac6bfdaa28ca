package io.meshplane.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds the event types a match can accept at most, which is what {@link RouteTable} indexes routes by. */
final class TypeIndex {
  private static final String TYPE = "type";

  private TypeIndex() {}

  /**
   * The set of types outside which {@code matcher} never matches: from a {@code type} condition with {@code eq} or
   * {@code in}, found directly, in a conjunct of {@code all}, or in every branch of {@code any}. Empty when the match
   * does not restrict the type (or does so in a way not worth following, e.g. under {@code not}).
   */
  static Set<String> requiredTypes(Matcher matcher) {
    if (matcher instanceof Condition condition) {
      return typesOf(condition);
    }
    if (matcher instanceof AllMatcher all) {
      for (Matcher child : all.children()) {
        Set<String> types = requiredTypes(child);
        if (!types.isEmpty()) {
          return types;
        }
      }
      return Set.of();
    }
    if (matcher instanceof AnyMatcher any) {
      Set<String> union = new HashSet<>();
      for (Matcher child : any.children()) {
        Set<String> types = requiredTypes(child);
        if (types.isEmpty()) {
          return Set.of();
        }
        union.addAll(types);
      }
      return Set.copyOf(union);
    }
    return Set.of();
  }

  private static Set<String> typesOf(Condition condition) {
    if (!TYPE.equals(condition.attribute())) {
      return Set.of();
    }
    return switch (condition.operator()) {
      case EQ -> Set.of((String) condition.operand());
      case IN -> {
        Set<String> types = new HashSet<>();
        ((List<?>) condition.operand()).forEach(type -> types.add((String) type));
        yield Set.copyOf(types);
      }
      default -> Set.of();
    };
  }
}
