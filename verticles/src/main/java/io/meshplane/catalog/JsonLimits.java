package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Checks a parsed JSON tree for what PostgreSQL or a sane catalog cannot hold: nesting deeper than the limit, NUL
 * characters (jsonb and text refuse them) and lone UTF-16 surrogates (they cannot be encoded as UTF-8).
 */
public final class JsonLimits {
  static final int MAX_DEPTH = 32;

  private JsonLimits() {}

  public static void check(String field, Object value) {
    check(field, value, 1);
  }

  public static void checkText(String field, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        throw ProblemException.badRequest(field + " contains a NUL character");
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        throw ProblemException.badRequest(field + " contains an unpaired UTF-16 surrogate");
      }
      if (Character.isLowSurrogate(c)) {
        throw ProblemException.badRequest(field + " contains an unpaired UTF-16 surrogate");
      }
    }
  }

  private static void check(String field, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw ProblemException.badRequest(field + " is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        checkText(field + " key", entry.getKey());
        check(field, entry.getValue(), depth + 1);
      }
    } else if (value instanceof JsonArray array) {
      for (Object item : array) {
        check(field, item, depth + 1);
      }
    } else if (value instanceof String text) {
      checkText(field, text);
    }
  }
}
