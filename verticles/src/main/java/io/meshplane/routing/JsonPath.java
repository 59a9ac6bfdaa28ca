package io.meshplane.routing;

import io.meshplane.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled path into a JSON object: {@code $} followed by one or more steps, each a dot name of
 * {@code [A-Za-z0-9_-]+} ({@code $.a.b}), a quoted name in brackets ({@code $['key with spaces']}) or a non-negative
 * array index ({@code $.items[0]}). Nothing else (wildcards, filters, slices) is accepted.
 */
public final class JsonPath {
  static final int MAX_LENGTH = 512;
  static final int MAX_STEPS = 32;
  private static final int MAX_INDEX_DIGITS = 9;

  private final String text;
  /** Step i is the name {@code names[i]}, or the index {@code indexes[i]} when that name is null. */
  private final String[] names;
  private final int[] indexes;

  private JsonPath(String text, String[] names, int[] indexes) {
    this.text = text;
    this.names = names;
    this.indexes = indexes;
  }

  /** Compiles {@code path}; a path outside the supported form is refused with a reason naming it. */
  public static JsonPath compile(String path) {
    if (path.length() > MAX_LENGTH) {
      throw refused(path, "longer than " + MAX_LENGTH + " characters");
    }
    if (!path.startsWith("$")) {
      throw refused(path, "it must start with '$'");
    }
    List<String> names = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && isNameChar(path.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          throw refused(path, "a name of [A-Za-z0-9_-] must follow '.' at position " + i);
        }
        names.add(path.substring(i + 1, end));
        indexes.add(-1);
        i = end;
      } else if (c == '[' && i + 1 < path.length() && (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"')) {
        char quote = path.charAt(i + 1);
        int close = path.indexOf(quote, i + 2);
        if (close < 0 || close + 1 >= path.length() || path.charAt(close + 1) != ']') {
          throw refused(path, "the quoted name at position " + i + " is not closed by " + quote + "]");
        }
        if (close == i + 2) {
          throw refused(path, "the quoted name at position " + i + " is empty");
        }
        names.add(path.substring(i + 2, close));
        indexes.add(-1);
        i = close + 2;
      } else if (c == '[') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) >= '0' && path.charAt(end) <= '9') {
          end++;
        }
        int digits = end - i - 1;
        if (digits == 0 || end >= path.length() || path.charAt(end) != ']') {
          throw refused(path, "'[' at position " + i + " must hold a quoted name or a non-negative index");
        }
        if (digits > MAX_INDEX_DIGITS || (digits > 1 && path.charAt(i + 1) == '0')) {
          throw refused(path, "the index at position " + i + " must be a number below 10^" + MAX_INDEX_DIGITS
              + " without leading zeros");
        }
        names.add(null);
        indexes.add(Integer.parseInt(path, i + 1, end, 10));
        i = end + 1;
      } else {
        throw refused(path, "unexpected '" + c + "' at position " + i);
      }
    }
    if (names.isEmpty()) {
      throw refused(path, "it must name a field, e.g. $.a");
    }
    if (names.size() > MAX_STEPS) {
      throw refused(path, "more than " + MAX_STEPS + " steps");
    }
    return new JsonPath(path, names.toArray(new String[0]), indexes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The value at this path, or null when it is absent (or JSON null) or {@code root} is null. */
  public Object read(JsonObject root) {
    Object current = root;
    for (int i = 0; i < names.length && current != null; i++) {
      current = child(current, i);
    }
    return current;
  }

  /** Whether this path names a member of {@code root}, even one whose value is JSON null. */
  public boolean exists(JsonObject root) {
    Object parent = parent(root);
    int last = names.length - 1;
    if (names[last] != null) {
      return parent instanceof JsonObject object && object.containsKey(names[last]);
    }
    return parent instanceof JsonArray array && indexes[last] < array.size();
  }

  /**
   * Puts {@code value} at this path, creating missing intermediate objects. An index may replace an element or append
   * one just past the end.
   *
   * @throws IllegalArgumentException when {@code root} does not have a shape the path can be written into: a step
   *     crosses a value that is not an object (or array), or an index is beyond the end
   */
  public void set(JsonObject root, Object value) {
    Object current = root;
    for (int i = 0; i < names.length - 1; i++) {
      Object next = child(current, i);
      if (next == null) {
        if (names[i + 1] == null) {
          throw new IllegalArgumentException("'" + prefix(i + 1) + "' is absent and an array cannot be created");
        }
        next = new JsonObject();
        put(current, i, next);
      }
      current = next;
    }
    put(current, names.length - 1, value);
  }

  /** Removes the member at this path and returns its value; null when it was absent. */
  public Object remove(JsonObject root) {
    Object parent = parent(root);
    int last = names.length - 1;
    if (names[last] != null) {
      return parent instanceof JsonObject object ? object.remove(names[last]) : null;
    }
    return parent instanceof JsonArray array && indexes[last] < array.size() ? array.remove(indexes[last]) : null;
  }

  /** Whether every step is a name, so that writing the path never needs to create an array. */
  boolean namesOnly() {
    for (String name : names) {
      if (name == null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonPath path && path.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The path as it was written. */
  @Override
  public String toString() {
    return text;
  }

  private Object parent(JsonObject root) {
    Object current = root;
    for (int i = 0; i < names.length - 1 && current != null; i++) {
      current = child(current, i);
    }
    return current;
  }

  private Object child(Object current, int step) {
    if (names[step] != null) {
      return current instanceof JsonObject object ? object.getValue(names[step]) : null;
    }
    return current instanceof JsonArray array && indexes[step] < array.size() ? array.getValue(indexes[step]) : null;
  }

  private void put(Object container, int step, Object value) {
    if (names[step] != null) {
      if (!(container instanceof JsonObject object)) {
        throw new IllegalArgumentException("'" + prefix(step) + "' is not an object");
      }
      object.put(names[step], value);
      return;
    }
    if (!(container instanceof JsonArray array)) {
      throw new IllegalArgumentException("'" + prefix(step) + "' is not an array");
    }
    int index = indexes[step];
    if (index < array.size()) {
      array.set(index, value);
    } else if (index == array.size()) {
      array.add(value);
    } else {
      throw new IllegalArgumentException("'" + prefix(step + 1) + "' is beyond the end of an array of "
          + array.size());
    }
  }

  /** The first {@code steps} steps of this path, written out; for error messages. */
  private String prefix(int steps) {
    StringBuilder out = new StringBuilder("$");
    for (int i = 0; i < steps; i++) {
      if (names[i] == null) {
        out.append('[').append(indexes[i]).append(']');
      } else if (names[i].chars().allMatch(JsonPath::isNameChar)) {
        out.append('.').append(names[i]);
      } else {
        char quote = names[i].indexOf('\'') < 0 ? '\'' : '"';
        out.append('[').append(quote).append(names[i]).append(quote).append(']');
      }
    }
    return out.toString();
  }

  private static boolean isNameChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private static ProblemException refused(String path, String why) {
    String shown = path.length() <= 64 ? path : path.substring(0, 64) + "...";
    return ProblemException.badRequest("'" + shown + "' is not a supported JSON path (" + why
        + "); use steps like $.name, $['any name'] or $.list[0]");
  }
}
