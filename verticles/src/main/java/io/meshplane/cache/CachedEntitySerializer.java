package io.meshplane.cache;

import com.hazelcast.nio.serialization.ByteArraySerializer;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.codecs.entity.CachedEntityCodec;

/**
 * How Hazelcast stores L1 entries: the entity codec's bytes on the wire and in the partitions, so that the near cache
 * (object format) can hold the decoded {@link CachedEntity} and a hit hands it out with no decoding or copying.
 */
public final class CachedEntitySerializer implements ByteArraySerializer<CachedEntity> {
  /** Unique among the cluster's custom serializers; stable, since members exchange it. */
  public static final int TYPE_ID = 7301;

  @Override
  public int getTypeId() {
    return TYPE_ID;
  }

  @Override
  public byte[] write(CachedEntity entry) {
    return CachedEntityCodec.encode(entry);
  }

  @Override
  public CachedEntity read(byte[] encoded) {
    return CachedEntityCodec.decode(encoded);
  }
}
