package io.meshplane.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/** JSON values compared by value (numbers numerically, so 100 equals 100.0) and copied deeply. */
final class JsonValues {

  private JsonValues() {}

  static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compare(x, y) == 0;
    }
    if (a instanceof JsonObject x && b instanceof JsonObject y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<String, Object> entry : x) {
        if (!y.containsKey(entry.getKey()) || !equal(entry.getValue(), y.getValue(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof JsonArray x && b instanceof JsonArray y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!equal(x.getValue(i), y.getValue(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }

  /** Compares two numbers exactly, without allocating for the int, long and double that JSON parsing yields. */
  static int compare(Number a, Number b) {
    boolean integralA = isIntegral(a);
    boolean integralB = isIntegral(b);
    if (isBig(a) || isBig(b)) {
      return big(a).compareTo(big(b));
    }
    if (integralA && integralB) {
      return Long.compare(a.longValue(), b.longValue());
    }
    if (integralA) {
      return compare(a.longValue(), b.doubleValue());
    }
    if (integralB) {
      return -compare(b.longValue(), a.doubleValue());
    }
    double x = a.doubleValue();
    double y = b.doubleValue();
    return x < y ? -1 : (x > y ? 1 : 0);
  }

  static Object copy(Object value) {
    if (value instanceof JsonObject object) {
      return object.copy();
    }
    if (value instanceof JsonArray array) {
      return array.copy();
    }
    return value;
  }

  /** A long against a double, exactly: converting the long to double would round above 2^53. */
  private static int compare(long l, double d) {
    if (d >= 0x1p63) {
      return -1;
    }
    if (d < -0x1p63) {
      return 1;
    }
    long truncated = (long) d;
    if (l != truncated) {
      // l and truncated are distinct integers and d is less than 1 from truncated: l is on the same side of both
      return Long.compare(l, truncated);
    }
    double fraction = d - truncated;
    return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0);
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  private static boolean isBig(Number n) {
    return n instanceof BigInteger || n instanceof BigDecimal;
  }

  private static BigDecimal big(Number n) {
    if (n instanceof BigDecimal decimal) {
      return decimal;
    }
    if (n instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    return isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.doubleValue());
  }
}
