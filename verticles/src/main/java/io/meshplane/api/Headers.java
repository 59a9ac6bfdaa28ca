package io.meshplane.api;

import io.meshplane.cache.Tier;
import io.vertx.core.http.HttpHeaders;
import java.util.Arrays;

/** Header names and values used on every response, prepared once. */
final class Headers {
  static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
  static final CharSequence ETAG = HttpHeaders.ETAG;
  static final CharSequence LOCATION = HttpHeaders.LOCATION;
  static final CharSequence X_CACHE = HttpHeaders.createOptimized("X-Cache");
  static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
  static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized("application/problem+json");
  private static final CharSequence[] TIERS = Arrays.stream(Tier.values())
      .map(tier -> HttpHeaders.createOptimized(tier.name())).toArray(CharSequence[]::new);

  private Headers() {}

  /** The prepared {@code X-Cache} value of a tier. */
  static CharSequence xCache(Tier tier) {
    return TIERS[tier.ordinal()];
  }
}
