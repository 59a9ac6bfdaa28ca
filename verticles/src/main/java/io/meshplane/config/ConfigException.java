package io.meshplane.config;

/** A configuration value that Meshplane cannot start with; the message is one line naming the key and the problem. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String key, String problem) {
    super("invalid configuration: " + key + ": " + problem);
  }
}
