package io.meshplane.routing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The operators of a match condition. A value that is absent or JSON null matches no operator except
 * {@code exists: false}; {@code ne} therefore needs the value to be present (wrap {@code eq} in {@code not} to match
 * absent values too). Numeric compares match only numbers, never numeric strings.
 */
enum Operator {
  EQ {
    @Override
    boolean test(Object actual, Object operand) {
      return actual != null && JsonValues.equal(actual, operand);
    }
  },
  NE {
    @Override
    boolean test(Object actual, Object operand) {
      return actual != null && !JsonValues.equal(actual, operand);
    }
  },
  /** The operand is a non-empty list of values. */
  IN {
    @Override
    boolean test(Object actual, Object operand) {
      if (actual == null) {
        return false;
      }
      List<?> values = (List<?>) operand;
      for (int i = 0; i < values.size(); i++) {
        if (JsonValues.equal(actual, values.get(i))) {
          return true;
        }
      }
      return false;
    }
  },
  PREFIX {
    @Override
    boolean test(Object actual, Object operand) {
      return actual instanceof String text && text.startsWith((String) operand);
    }
  },
  /** The operand is a compiled pattern, searched for anywhere in the value; anchor it with ^ and $ to match all. */
  REGEX {
    @Override
    boolean test(Object actual, Object operand) {
      return actual instanceof String text && ((Pattern) operand).matcher(text).find();
    }
  },
  /** The operand is true when the value must be present, false when it must be absent. */
  EXISTS {
    @Override
    boolean test(Object actual, Object operand) {
      return (actual != null) == (Boolean) operand;
    }
  },
  GT {
    @Override
    boolean test(Object actual, Object operand) {
      return actual instanceof Number number && JsonValues.compare(number, (Number) operand) > 0;
    }
  },
  GTE {
    @Override
    boolean test(Object actual, Object operand) {
      return actual instanceof Number number && JsonValues.compare(number, (Number) operand) >= 0;
    }
  },
  LT {
    @Override
    boolean test(Object actual, Object operand) {
      return actual instanceof Number number && JsonValues.compare(number, (Number) operand) < 0;
    }
  },
  LTE {
    @Override
    boolean test(Object actual, Object operand) {
      return actual instanceof Number number && JsonValues.compare(number, (Number) operand) <= 0;
    }
  };

  /** The operator's name in a rule. */
  final String wireName = name().toLowerCase(Locale.ROOT);

  /** Whether {@code actual} (null when absent) satisfies this operator with the compiled operand. */
  abstract boolean test(Object actual, Object operand);

  boolean isNumeric() {
    return this == GT || this == GTE || this == LT || this == LTE;
  }

  static Operator fromWireName(String name) {
    for (Operator operator : values()) {
      if (operator.wireName.equals(name)) {
        return operator;
      }
    }
    return null;
  }
}
