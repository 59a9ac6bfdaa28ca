package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.launcher.DevToken;
import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens on writes: none, expired, forged, short of scope, right; and the actor in the event log. */
class AuthIT {
  private static final String ENTITY = "{\"type\":\"dataset\"}";
  private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"a-1\",\"source\":\"/t\",\"type\":\"t\"}";
  private static final String ROUTE = "{\"match\":{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"x\"},\"to\":[\"y\"]}";

  @TempDir
  static Path keys;
  private static KeyPair rsa;
  private static NodeFixture fixture;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    rsa = generator.generateKeyPair();
    Path pem = keys.resolve("public.pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(rsa.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    fixture = NodeFixture.start(settings -> settings.put("auth.jwt.public-key", pem.toString()));
    port = fixture.node().port();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void writesWithoutAValidTokenAre401AndWriteNothing() {
    String expired = DevToken.mint(TestTokens.SECRET, "u", TestTokens.ALL_SCOPES, Duration.ofMinutes(-5));
    String forged = DevToken.mint("another-secret-of-at-least-32-bytes!!", "u", TestTokens.ALL_SCOPES,
        Duration.ofMinutes(5));
    for (String token : new String[] {null, "not-a-jwt", expired, forged}) {
      Http http = new Http(port, token);
      assertUnauthorized(http.put("/v1/entities/urn:auth:none", ENTITY));
      assertUnauthorized(http.delete("/v1/entities/urn:auth:none"));
      assertUnauthorized(http.post("/v1/events", EVENT, "Content-Type", "application/cloudevents+json"));
      assertUnauthorized(http.put("/v1/routes/auth", ROUTE));
    }
    assertThat(fixture.database().queryLong("SELECT count(*) FROM mp_entity WHERE id = 'urn:auth:none'")).isZero();
    assertThat(fixture.database().queryLong("SELECT count(*) FROM mp_route WHERE name = 'auth'")).isZero();
  }

  @Test
  void aTokenWithoutTheCallsScopeIs403() {
    Http eventsOnly = new Http(port, TestTokens.withScopes("events:publish"));
    Http catalogOnly = new Http(port, TestTokens.withScopes("catalog:write"));

    assertForbidden(eventsOnly.put("/v1/entities/urn:auth:scope", ENTITY));
    assertForbidden(catalogOnly.post("/v1/events", EVENT, "Content-Type", "application/cloudevents+json"));
    assertForbidden(catalogOnly.put("/v1/routes/auth", ROUTE));
    assertThat(fixture.database().queryLong("SELECT count(*) FROM mp_entity WHERE id = 'urn:auth:scope'")).isZero();
  }

  @Test
  void theRightScopeWritesAndTheActorIsRecorded() {
    Http writer = new Http(port, DevToken.mint(TestTokens.SECRET, "alice", "catalog:write", Duration.ofMinutes(5)));

    assertThat(writer.put("/v1/entities/urn:auth:ok", ENTITY).statusCode()).isEqualTo(201);
    assertThat(new Http(port, TestTokens.withScopes("events:publish"))
        .post("/v1/events", EVENT, "Content-Type", "application/cloudevents+json").statusCode()).isEqualTo(202);
    assertThat(new Http(port, TestTokens.withScopes("routes:admin")).put("/v1/routes/auth-ok", ROUTE).statusCode())
        .isEqualTo(201);

    JsonObject history = new JsonObject(new Http(port, null).get("/v1/entities/urn:auth:ok/history").body());
    assertThat(history.getJsonArray("items").getJsonObject(0).getString("actor")).isEqualTo("alice");
  }

  @Test
  void rs256TokensSignedByTheConfiguredKeyAreAccepted() throws Exception {
    Http rsaWriter = new Http(port, rs256("bob", "catalog:write"));

    assertThat(rsaWriter.put("/v1/entities/urn:auth:rsa", ENTITY).statusCode()).isEqualTo(201);
  }

  @Test
  void readsAreOpenByDefault() {
    assertThat(new Http(port, null).get("/v1/entities/urn:auth:never").statusCode()).isEqualTo(404);
    assertThat(new Http(port, null).get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void readsNeedATokenWhenConfigured() {
    try (NodeFixture guarded = NodeFixture.start(settings -> settings.put("auth.reads", "true"))) {
      int guardedPort = guarded.node().port();
      assertUnauthorized(new Http(guardedPort, null).get("/v1/entities/urn:auth:any"));
      assertThat(new Http(guardedPort, TestTokens.withScopes("")).get("/v1/entities/urn:auth:any").statusCode())
          .isEqualTo(404);
      assertThat(new Http(guardedPort, null).get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static String rs256(String subject, String scopes) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    long now = Instant.now().getEpochSecond();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(new JsonObject().put("sub", subject).put("scope", scopes).put("iat", now)
        .put("exp", now + 300).encode().getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(rsa.getPrivate());
    signer.update((header + "." + claims).getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + "." + b64.encodeToString(signer.sign());
  }
}
