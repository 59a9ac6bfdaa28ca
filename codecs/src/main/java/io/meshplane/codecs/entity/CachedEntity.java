package io.meshplane.codecs.entity;

/**
 * What the caches hold for one id: the version and the ready-to-send JSON bytes, or no bytes when the entity does not
 * exist. An absent entry with version 0 means "never existed" (a cached 404); with a positive version it is the
 * tombstone of a deleted entity. Versions order all entries of one id, so a cache keeps the highest it has seen.
 */
public record CachedEntity(long version, byte[] json) {
  private static final CachedEntity UNKNOWN = new CachedEntity(0, null);

  public CachedEntity {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  public static CachedEntity present(long version, byte[] json) {
    if (json == null) {
      throw new IllegalArgumentException("a present entity needs its JSON");
    }
    return new CachedEntity(version, json);
  }

  public static CachedEntity tombstone(long version) {
    return new CachedEntity(version, null);
  }

  /** The entry for an id that has never been written. */
  public static CachedEntity unknown() {
    return UNKNOWN;
  }

  public boolean exists() {
    return json != null;
  }

  /** True when this entry may replace {@code current} in a cache: versions never go backwards. */
  public boolean supersedes(CachedEntity current) {
    return current == null || supersedes(version, current.version);
  }

  /** The rule every tier applies (the Redis script states it once more, in Lua). */
  public static boolean supersedes(long candidateVersion, long currentVersion) {
    return candidateVersion >= currentVersion;
  }
}
