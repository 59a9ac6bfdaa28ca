package io.meshplane.codecs.entity;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * What the caches hold for one id: the version and the ready-to-send JSON bytes, or no bytes when the entity does not
 * exist. An absent entry with version 0 means "never existed" (a cached 404); with a positive version it is the
 * tombstone of a deleted entity. Versions order all entries of one id, so a cache keeps the highest it has seen.
 * Immutable: the bytes are never written to once the entry exists, so it is shared between threads as it is.
 */
public final class CachedEntity {
  private static final CachedEntity UNKNOWN = new CachedEntity(0, null);

  private final long version;
  private final byte[] json;
  private final Buffer body;

  private CachedEntity(long version, byte[] json) {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
    this.version = version;
    this.json = json;
    // wraps, never copies; Vert.x writes a buffer through a slice of its own, so one body serves every response
    this.body = json == null ? null : BufferInternal.buffer(Unpooled.wrappedBuffer(json));
  }

  public long version() {
    return version;
  }

  /** The entity's JSON; null when it does not exist. Never to be modified. */
  public byte[] json() {
    return json;
  }

  /** The entity's JSON as a response body, made once with the entry; null when it does not exist. */
  public Buffer body() {
    return body;
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

  @Override
  public String toString() {
    return "CachedEntity[version=" + version + (json == null ? ", absent]" : ", " + json.length + " bytes]");
  }
}
