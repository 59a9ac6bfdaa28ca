package io.meshplane.codecs.entity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.codecs.CodecException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CachedEntityCodecTest {

  @Test
  void presentEntryRoundTrips() {
    CachedEntity entry = CachedEntity.present(42, "{\"id\":\"a\"}".getBytes(UTF_8));

    CachedEntity decoded = CachedEntityCodec.decode(CachedEntityCodec.encode(entry));

    assertThat(decoded.version()).isEqualTo(42);
    assertThat(decoded.exists()).isTrue();
    assertThat(new String(decoded.json(), UTF_8)).isEqualTo("{\"id\":\"a\"}");
  }

  @Test
  void tombstoneAndUnknownRoundTrip() {
    CachedEntity tombstone = CachedEntityCodec.decode(CachedEntityCodec.encode(CachedEntity.tombstone(7)));
    CachedEntity unknown = CachedEntityCodec.decode(CachedEntityCodec.encode(CachedEntity.unknown()));

    assertThat(tombstone.exists()).isFalse();
    assertThat(tombstone.version()).isEqualTo(7);
    assertThat(unknown.exists()).isFalse();
    assertThat(unknown.version()).isZero();
  }

  @Test
  void versionIsReadWithoutDecodingAndSitsWhereTheRedisGuardLooks() {
    byte[] encoded = CachedEntityCodec.encode(CachedEntity.present(0x0102030405060708L, new byte[] {'{', '}'}));

    assertThat(CachedEntityCodec.version(encoded)).isEqualTo(0x0102030405060708L);
    assertThat(encoded[CachedEntityCodec.VERSION_OFFSET]).isEqualTo((byte) 1);
    assertThat(encoded[CachedEntityCodec.VERSION_OFFSET + 7]).isEqualTo((byte) 8);
  }

  @Test
  void hostileBytesGiveACodecErrorNeverAnUncheckedSurprise() {
    byte[] valid = CachedEntityCodec.encode(CachedEntity.present(3, "{}".getBytes(UTF_8)));
    byte[] truncated = Arrays.copyOf(valid, valid.length - 1);
    byte[] wrongMagic = valid.clone();
    wrongMagic[0] = 'X';
    byte[] unknownKind = valid.clone();
    unknownKind[1] = 9;
    byte[] negativeVersion = valid.clone();
    negativeVersion[CachedEntityCodec.VERSION_OFFSET] = (byte) 0x80;
    byte[] absentWithBody = valid.clone();
    absentWithBody[1] = 0;

    for (byte[] hostile : new byte[][] {null, new byte[0], new byte[5], truncated, wrongMagic, unknownKind,
        negativeVersion, absentWithBody}) {
      assertThatThrownBy(() -> CachedEntityCodec.decode(hostile)).isInstanceOf(CodecException.class);
    }
  }

  @Test
  void newerOrEqualVersionsSupersedeOlderOnesNeverTheReverse() {
    CachedEntity v1 = CachedEntity.present(1, new byte[] {'{', '}'});
    CachedEntity v2 = CachedEntity.tombstone(2);

    assertThat(v2.supersedes(v1)).isTrue();
    assertThat(v1.supersedes(v2)).isFalse();
    assertThat(v1.supersedes(null)).isTrue();
    assertThat(v1.supersedes(CachedEntity.unknown())).isTrue();
    assertThat(CachedEntity.unknown().supersedes(v1)).isFalse();
  }
}
