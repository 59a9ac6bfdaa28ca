package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final long NOW = 1_800_000_000_000L;

  private Vertx vertx;
  private JWTAuth signer;
  private final AtomicInteger verifications = new AtomicInteger();
  private final AtomicLong clock = new AtomicLong(NOW);
  private VerifiedTokens tokens;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions()
        .setAlgorithm("HS256").setBuffer("a-secret-of-at-least-thirty-two-bytes")));
    JWTAuth counting = new JWTAuth() {
      @Override
      public Future<User> authenticate(Credentials credentials) {
        verifications.incrementAndGet();
        return signer.authenticate(credentials);
      }

      @Override
      public String generateToken(JsonObject claims, JWTOptions options) {
        return signer.generateToken(claims, options);
      }

      @Override
      public String generateToken(JsonObject claims) {
        return signer.generateToken(claims);
      }
    };
    tokens = new VerifiedTokens(counting, clock::get);
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void aTokenIsVerifiedOnceAndThenRemembered() {
    String token = token("alice", NOW / 1000 + 3600);

    User first = authenticate(token).result();
    User second = authenticate(token).result();

    assertThat(verifications).hasValue(1);
    assertThat(second).isSameAs(first);
    assertThat(second.principal().getString("sub")).isEqualTo("alice");
  }

  @Test
  void differentTokensAreVerifiedEachAndARejectedOneIsNeverRemembered() {
    String forged = token("alice", NOW / 1000 + 3600).replaceFirst(".$", "A");

    assertThat(authenticate(token("alice", NOW / 1000 + 3600)).succeeded()).isTrue();
    assertThat(authenticate(token("bob", NOW / 1000 + 3600)).succeeded()).isTrue();
    assertThat(authenticate(forged).failed()).isTrue();
    assertThat(authenticate(forged).failed()).isTrue();

    assertThat(verifications).hasValue(4);
  }

  @Test
  void aRememberedTokenIsVerifiedAgainOnceItsExpiryHasPassed() {
    long exp = System.currentTimeMillis() / 1000 + 60;
    clock.set(exp * 1000 - 10_000);
    String token = token("alice", exp);
    assertThat(authenticate(token).succeeded()).isTrue();

    clock.set(exp * 1000 - 1);
    assertThat(authenticate(token).succeeded()).isTrue();
    assertThat(verifications).hasValue(1);

    clock.set(exp * 1000);
    authenticate(token);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void aTokenWithoutExpiryIsVerifiedAgainAfterTheBound() {
    String token = signer.generateToken(new JsonObject().put("sub", "carol"), new JWTOptions().setNoTimestamp(true));
    authenticate(token);
    clock.addAndGet(VerifiedTokens.MAX_REMEMBER_MS - 1);
    authenticate(token);
    assertThat(verifications).hasValue(1);

    clock.addAndGet(1);
    authenticate(token);
    assertThat(verifications).hasValue(2);
  }

  @Test
  void theLeastRecentlyUsedAreForgottenBeyondTheCapacity() {
    String kept = token("kept", NOW / 1000 + 3600);
    authenticate(kept);
    for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
      authenticate(token("user-" + i, NOW / 1000 + 3600));
      if (i % 100 == 0) {
        authenticate(kept); // recently used: stays
      }
    }
    int afterFilling = verifications.get();
    authenticate(kept);
    authenticate(token("user-0", NOW / 1000 + 3600));

    assertThat(verifications.get() - afterFilling).as("only the evicted user-0 was verified again").isEqualTo(1);
  }

  private Future<User> authenticate(String token) {
    return tokens.authenticate(new TokenCredentials(token));
  }

  private String token(String subject, long expSeconds) {
    return signer.generateToken(new JsonObject().put("sub", subject).put("exp", expSeconds),
        new JWTOptions().setNoTimestamp(true));
  }
}
