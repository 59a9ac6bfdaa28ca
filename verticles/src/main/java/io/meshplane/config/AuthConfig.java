package io.meshplane.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How bearer tokens are verified. At least one key must be configured: a node never runs with writes open to anyone.
 * Key files are read here, once, at start-up.
 */
public record AuthConfig(
    String secret,
    String publicKeyPem,
    List<JsonObject> jwks,
    String issuer,
    String audience,
    boolean reads) {
  private static final int MIN_SECRET_BYTES = 32;

  static AuthConfig from(ConfigValues v) {
    String secret = v.string("auth.jwt.secret");
    if (!secret.isEmpty() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new ConfigException("auth.jwt.secret", "must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
    }
    String publicKey = readFile(v, "auth.jwt.public-key");
    if (publicKey != null && !publicKey.contains("-----BEGIN PUBLIC KEY-----")) {
      throw new ConfigException("auth.jwt.public-key", "not a PEM public key (-----BEGIN PUBLIC KEY-----)");
    }
    List<JsonObject> jwks = jwks(v);
    if (secret.isEmpty() && publicKey == null && jwks.isEmpty()) {
      throw new ConfigException("auth.jwt.secret",
          "no token key configured: set auth.jwt.secret, auth.jwt.public-key or auth.jwt.jwks-file");
    }
    return new AuthConfig(secret.isEmpty() ? null : secret, publicKey, jwks, blankToNull(v.string("auth.jwt.issuer")),
        blankToNull(v.string("auth.jwt.audience")), v.bool("auth.reads"));
  }

  @Override
  public String toString() {
    // never print key material
    return "AuthConfig[hs256=" + (secret != null) + ", rs256=" + (publicKeyPem != null) + ", jwks=" + jwks.size()
        + ", reads=" + reads + "]";
  }

  private static List<JsonObject> jwks(ConfigValues v) {
    String text = readFile(v, "auth.jwt.jwks-file");
    if (text == null) {
      return List.of();
    }
    try {
      JsonArray keys = new JsonObject(text).getJsonArray("keys");
      if (keys == null || keys.isEmpty()) {
        throw new ConfigException("auth.jwt.jwks-file", "holds no \"keys\"");
      }
      List<JsonObject> list = new ArrayList<>();
      keys.forEach(key -> list.add((JsonObject) key));
      return List.copyOf(list);
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException("auth.jwt.jwks-file", "not a JWKS document");
    }
  }

  private static String readFile(ConfigValues v, String key) {
    String path = v.string(key).trim();
    if (path.isEmpty()) {
      return null;
    }
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new ConfigException(key, "cannot read " + path);
    }
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text;
  }
}
