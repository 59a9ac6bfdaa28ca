package io.meshplane.api;

import io.meshplane.config.AuthConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.JWTAuthHandler;
import java.util.List;

/**
 * Bearer-token checks of the API (vertx-auth-jwt): a write needs a valid token carrying its scope (401 without a
 * valid token, 403 without the scope); reads are open unless {@code auth.reads} is set. The token's {@code sub} is
 * the actor recorded in the event log. One instance per event loop: tokens it has verified are remembered until they
 * expire ({@link VerifiedTokens}).
 */
final class AccessControl {
  private final JWTAuth jwt;
  private final boolean guardReads;

  AccessControl(Vertx vertx, AuthConfig config) {
    this.jwt = new VerifiedTokens(JWTAuth.create(vertx, options(config)), System::currentTimeMillis);
    this.guardReads = config.reads();
  }

  Handler<RoutingContext> requireScope(String scope) {
    return JWTAuthHandler.create(jwt).withScope(scope);
  }

  Handler<RoutingContext> forReads() {
    return guardReads ? JWTAuthHandler.create(jwt) : RoutingContext::next;
  }

  /** The authenticated caller, or null on an open route. */
  static String actor(RoutingContext ctx) {
    return ctx.user() == null ? null : ctx.user().principal().getString("sub");
  }

  private static JWTAuthOptions options(AuthConfig config) {
    JWTAuthOptions options = new JWTAuthOptions();
    if (config.secret() != null) {
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(config.secret()));
    }
    if (config.publicKeyPem() != null) {
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256").setBuffer(config.publicKeyPem()));
    }
    if (!config.jwks().isEmpty()) {
      options.setJwks(config.jwks());
    }
    JWTOptions verification = new JWTOptions();
    if (config.issuer() != null) {
      verification.setIssuer(config.issuer());
    }
    if (config.audience() != null) {
      verification.setAudience(List.of(config.audience()));
    }
    return options.setJWTOptions(verification);
  }
}
