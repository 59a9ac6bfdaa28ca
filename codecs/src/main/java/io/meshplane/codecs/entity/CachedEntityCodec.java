package io.meshplane.codecs.entity;

import io.meshplane.codecs.CodecException;
import java.nio.ByteBuffer;

/**
 * Binary form of a {@link CachedEntity}, shared by the L1 (Hazelcast) and L2 (Redis) tiers:
 *
 * <pre>
 *   byte    magic 'M'
 *   byte    kind: 0 = absent, 1 = present
 *   int64   version, big-endian        (bytes 2..9; the Redis guard script reads it there)
 *   int32   length of the JSON, big-endian
 *   byte[]  UTF-8 JSON
 * </pre>
 */
public final class CachedEntityCodec {
  public static final byte MAGIC = 'M';
  public static final int VERSION_OFFSET = 2;
  private static final int HEADER = 1 + 1 + 8 + 4;
  private static final byte ABSENT = 0;
  private static final byte PRESENT = 1;

  private CachedEntityCodec() {}

  public static byte[] encode(CachedEntity entry) {
    byte[] json = entry.json();
    int length = json == null ? 0 : json.length;
    ByteBuffer out = ByteBuffer.allocate(HEADER + length);
    out.put(MAGIC).put(json == null ? ABSENT : PRESENT).putLong(entry.version()).putInt(length);
    if (json != null) {
      out.put(json);
    }
    return out.array();
  }

  /** Reads only the version, without copying the JSON. */
  public static long version(byte[] encoded) {
    checkHeader(encoded);
    return ByteBuffer.wrap(encoded, VERSION_OFFSET, 8).getLong();
  }

  public static CachedEntity decode(byte[] encoded) {
    checkHeader(encoded);
    ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
    byte kind = in.get();
    long version = in.getLong();
    int length = in.getInt();
    if (length < 0 || length != in.remaining()) {
      throw new CodecException("cached entity length " + length + " does not match " + in.remaining() + " bytes");
    }
    return switch (kind) {
      case ABSENT -> {
        if (length != 0) {
          throw new CodecException("absent cached entity carries " + length + " bytes");
        }
        yield version == 0 ? CachedEntity.unknown() : CachedEntity.tombstone(version);
      }
      case PRESENT -> {
        byte[] json = new byte[length];
        in.get(json);
        yield CachedEntity.present(version, json);
      }
      default -> throw new CodecException("unknown cached entity kind " + kind);
    };
  }

  private static void checkHeader(byte[] encoded) {
    if (encoded == null || encoded.length < HEADER) {
      throw new CodecException("cached entity shorter than its " + HEADER + "-byte header");
    }
    if (encoded[0] != MAGIC) {
      throw new CodecException("not a cached entity (magic " + encoded[0] + ")");
    }
    if (ByteBuffer.wrap(encoded, VERSION_OFFSET, 8).getLong() < 0) {
      throw new CodecException("negative version in cached entity");
    }
  }
}
