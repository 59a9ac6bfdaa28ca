package io.meshplane.config;

import java.util.Map;

/** Flat key → text view of the merged configuration, with typed, validated accessors that name the key on failure. */
final class ConfigValues {
  private final Map<String, String> values;

  ConfigValues(Map<String, String> values) {
    this.values = values;
  }

  String string(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new ConfigException(key, "missing");
    }
    return value;
  }

  String nonBlank(String key) {
    String value = string(key);
    if (value.isBlank()) {
      throw new ConfigException(key, "must not be empty");
    }
    return value;
  }

  int integer(String key, int min, int max) {
    String text = string(key).trim();
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "expected an integer, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  boolean bool(String key) {
    String text = string(key).trim();
    if (!text.equals("true") && !text.equals("false")) {
      throw new ConfigException(key, "expected true or false, got '" + text + "'");
    }
    return Boolean.parseBoolean(text);
  }

  int port(String key) {
    return integer(key, 0, 65535);
  }
}
