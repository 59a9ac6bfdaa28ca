package io.meshplane.routing;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Spots the regex shape behind most catastrophic backtracking: a repeated group that itself contains a quantifier
 * (star height above one, the measure safe-regex uses), e.g. {@code (a+)+}, {@code (a|b*)*}, {@code (.*x){20}}. It is a
 * heuristic for patterns that already compiled: overlapping alternatives under one quantifier, e.g. {@code (a|a)*}, and
 * backreferences pass it; the pattern length limit bounds what they can cost.
 */
final class RegexGuard {

  private RegexGuard() {}

  static boolean hasNestedQuantifier(String regex) {
    // per open group: whether it contains a quantifier
    Deque<boolean[]> groups = new ArrayDeque<>();
    boolean afterQuantifiedGroup = false;
    int classDepth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      boolean closedQuantifiedGroup = false;
      if (c == '\\') {
        if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 1;
        } else {
          i++;
        }
      } else if (classDepth > 0) {
        if (c == '[') {
          classDepth++;
        } else if (c == ']') {
          classDepth--;
        }
      } else if (c == '[') {
        classDepth = 1;
        // a ']' right after '[' or '[^' is a literal
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(') {
        groups.push(new boolean[1]);
        // in (?:, (?=, (?i) and the like the '?' is syntax, not a quantifier
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
          i++;
        }
      } else if (c == ')') {
        closedQuantifiedGroup = !groups.isEmpty() && groups.pop()[0];
        if (closedQuantifiedGroup && !groups.isEmpty()) {
          groups.peek()[0] = true;
        }
      } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        if (afterQuantifiedGroup && c != '?') {
          return true;
        }
        if (!groups.isEmpty()) {
          groups.peek()[0] = true;
        }
        int close = c == '{' ? regex.indexOf('}', i) : -1;
        if (close > i) {
          i = close;
        }
      }
      afterQuantifiedGroup = closedQuantifiedGroup;
    }
    return false;
  }
}
