package io.meshplane.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bearer tokens one event loop has verified, remembered until they expire: a client sends the same token with every
 * request, and checking its signature and claims each time costs a tenth of a write's CPU. A token is remembered
 * only after {@code verifier} accepted it, never past its {@code exp} (nor longer than {@link #MAX_REMEMBER_MS}),
 * and the least recently used are forgotten beyond {@link #CAPACITY}. Used on its event loop only.
 */
final class VerifiedTokens implements JWTAuth {
  static final int CAPACITY = 1024;
  /** Bounds how long a token without {@code exp} skips verification. */
  static final long MAX_REMEMBER_MS = 300_000;

  private final JWTAuth verifier;
  private final LongSupplier clockMillis;
  private final Map<String, Verified> verified = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
      return size() > CAPACITY;
    }
  };

  VerifiedTokens(JWTAuth verifier, LongSupplier clockMillis) {
    this.verifier = verifier;
    this.clockMillis = clockMillis;
  }

  @Override
  public Future<User> authenticate(Credentials credentials) {
    if (!(credentials instanceof TokenCredentials bearer) || bearer.getToken() == null) {
      return verifier.authenticate(credentials);
    }
    String token = bearer.getToken();
    Verified known = verified.get(token);
    long now = clockMillis.getAsLong();
    if (known != null) {
      if (now < known.untilMillis()) {
        return Future.succeededFuture(known.user());
      }
      verified.remove(token);
    }
    return verifier.authenticate(credentials)
        .onSuccess(user -> verified.put(token, new Verified(user, rememberUntil(user, now))));
  }

  private static long rememberUntil(User user, long now) {
    long bound = now + MAX_REMEMBER_MS;
    Object exp = user.get("exp");
    return exp instanceof Number seconds ? Math.min(bound, seconds.longValue() * 1000) : bound;
  }

  @Override
  public String generateToken(JsonObject claims, JWTOptions options) {
    return verifier.generateToken(claims, options);
  }

  @Override
  public String generateToken(JsonObject claims) {
    return verifier.generateToken(claims);
  }

  private record Verified(User user, long untilMillis) {
  }
}
