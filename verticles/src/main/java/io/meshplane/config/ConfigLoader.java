package io.meshplane.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Merges configuration, lowest precedence first: the bundled {@code meshplane.yaml} (every key with its default), an
 * optional YAML file, environment variables ({@code MESHPLANE_HTTP_PORT}), system properties
 * ({@code meshplane.http.port}), then explicit overrides. Only keys of the defaults exist; anything else is refused.
 */
public final class ConfigLoader {
  private static final String DEFAULTS = "meshplane.yaml";
  private static final String ENV_PREFIX = "MESHPLANE_";
  private static final String PROPERTY_PREFIX = "meshplane.";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /** Loads the configuration of this process: its environment and system properties apply. */
  public static MeshplaneConfig load(Path file, Map<String, String> overrides) {
    return load(file, System.getenv(), System.getProperties(), overrides);
  }

  /** Loads with an explicit environment and system properties, as tests do. */
  public static MeshplaneConfig load(Path file, Map<String, String> env, Map<?, ?> properties,
      Map<String, String> overrides) {
    Map<String, String> values = defaults();
    if (file != null) {
      mergeKnown(values, readFile(file), "file " + file);
    }
    for (String key : values.keySet()) {
      String fromEnv = env.get(environmentName(key));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
      Object fromProperty = properties.get(PROPERTY_PREFIX + key);
      if (fromProperty != null) {
        values.put(key, fromProperty.toString());
      }
    }
    mergeKnown(values, overrides, "override");
    return MeshplaneConfig.from(new ConfigValues(values));
  }

  /** {@code auth.jwt.public-key} → {@code MESHPLANE_AUTH_JWT_PUBLIC_KEY}. */
  static String environmentName(String key) {
    return ENV_PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> defaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return flatten(YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + DEFAULTS, e);
    }
  }

  private static Map<String, String> readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return flatten(YAML.readTree(in));
    } catch (IOException e) {
      throw new ConfigException("file " + file, "cannot be read as YAML (" + e.getMessage().lines().findFirst()
          .orElse("") + ")");
    }
  }

  private static void mergeKnown(Map<String, String> values, Map<String, String> extra, String source) {
    extra.forEach((key, value) -> {
      if (!values.containsKey(key)) {
        throw new ConfigException(key, "unknown key (from " + source + ")");
      }
      values.put(key, value);
    });
  }

  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && !root.isNull()) {
      flatten("", root, flat);
    }
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
      }
    } else {
      into.put(prefix, node.isNull() ? "" : node.asText());
    }
  }
}
