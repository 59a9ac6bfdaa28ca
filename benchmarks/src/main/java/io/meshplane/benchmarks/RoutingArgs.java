package io.meshplane.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} options of one {@link RoutingLoad} subcommand. Every option takes a value; an unknown, a
 * repeated or a value-less option is refused with a message naming it, so a typo in the harness fails loudly.
 */
final class RoutingArgs {
  private final String command;
  private final Map<String, String> values;

  private RoutingArgs(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  /** {@code args[0]} is the subcommand; the rest are {@code --name value} pairs, names among {@code known}. */
  static RoutingArgs parse(String[] args, Map<String, List<String>> known) {
    if (args.length == 0) {
      throw new IllegalArgumentException("a subcommand is required: one of " + known.keySet());
    }
    String command = args[0];
    List<String> names = known.get(command);
    if (names == null) {
      throw new IllegalArgumentException("unknown subcommand '" + command + "': one of " + known.keySet());
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      String option = args[i];
      if (!option.startsWith("--") || !names.contains(option.substring(2))) {
        throw new IllegalArgumentException("'" + command + "' has no option '" + option + "'; options: " + names);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option '" + option + "' needs a value");
      }
      if (values.put(option.substring(2), args[i + 1]) != null) {
        throw new IllegalArgumentException("option '" + option + "' is given twice");
      }
    }
    return new RoutingArgs(command, values);
  }

  String command() {
    return command;
  }

  String string(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("'" + command + "' needs --" + name);
    }
    return value;
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  long number(String name) {
    return parseNumber(name, string(name));
  }

  long number(String name, long fallback) {
    String value = values.get(name);
    return value == null ? fallback : parseNumber(name, value);
  }

  List<String> list(String name) {
    List<String> items = List.of(string(name).split(","));
    if (items.isEmpty() || items.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("--" + name + " must be a comma-separated list without empty items");
    }
    return items;
  }

  private static long parseNumber(String name, String value) {
    try {
      long number = Long.parseLong(value);
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a non-negative integer, not '" + value + "'");
    }
  }
}
