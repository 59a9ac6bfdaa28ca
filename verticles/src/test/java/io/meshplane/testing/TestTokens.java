package io.meshplane.testing;

import io.meshplane.launcher.DevToken;
import java.time.Duration;

/** Bearer tokens for tests, signed with the secret every test node is configured with. */
public final class TestTokens {
  public static final String SECRET = "meshplane-test-secret-of-at-least-32-bytes";
  public static final String ALL_SCOPES = "catalog:write events:publish routes:admin";

  private TestTokens() {}

  public static String withScopes(String scopes) {
    return DevToken.mint(SECRET, "test-user", scopes, Duration.ofMinutes(30));
  }

  public static String all() {
    return withScopes(ALL_SCOPES);
  }
}
