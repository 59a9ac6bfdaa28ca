package io.meshplane.api;

/** The OAuth 2.0 scopes that guard the API's writes. */
final class Scopes {
  static final String CATALOG_WRITE = "catalog:write";
  static final String EVENTS_PUBLISH = "events:publish";
  static final String ROUTES_ADMIN = "routes:admin";

  private Scopes() {}
}
