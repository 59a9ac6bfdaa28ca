package io.meshplane.launcher;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints HS256 tokens for development and tests: {@code sub}, {@code scope}, {@code iat}, {@code exp}. */
public final class DevToken {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = BASE64URL.encodeToString(
      "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private DevToken() {}

  /** A token valid for {@code ttl} from now (a negative ttl gives an expired one). */
  public static String mint(String secret, String subject, String scopes, Duration ttl) {
    Instant now = Instant.now();
    JsonObject claims = new JsonObject()
        .put("sub", subject)
        .put("scope", scopes)
        .put("iat", now.getEpochSecond())
        .put("exp", now.plus(ttl).getEpochSecond());
    String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + BASE64URL.encodeToString(hmac(secret, signingInput));
  }

  private static byte[] hmac(String secret, String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
