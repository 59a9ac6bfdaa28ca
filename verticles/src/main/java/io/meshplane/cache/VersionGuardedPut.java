package io.meshplane.cache;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.codecs.entity.CachedEntityCodec;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs on the member that owns the key: stores the new entry only if its version is not older than the one held, so a
 * slow fill can never overwrite a newer write. Returns whether it stored. It travels with the entry's encoded form.
 */
final class VersionGuardedPut implements EntryProcessor<String, CachedEntity, Boolean> {
  private static final long serialVersionUID = 1L;

  private final byte[] encoded;
  private final long ttlMillis;

  /** {@code ttlMillis} 0 keeps the entry until it is evicted. */
  VersionGuardedPut(byte[] encoded, long ttlMillis) {
    this.encoded = encoded;
    this.ttlMillis = ttlMillis;
  }

  @Override
  public Boolean process(Map.Entry<String, CachedEntity> entry) {
    CachedEntity current = entry.getValue();
    if (current != null && !CachedEntity.supersedes(CachedEntityCodec.version(encoded), current.version())) {
      return Boolean.FALSE;
    }
    ((ExtendedMapEntry<String, CachedEntity>) entry).setValue(CachedEntityCodec.decode(encoded), ttlMillis,
        TimeUnit.MILLISECONDS);
    return Boolean.TRUE;
  }
}
