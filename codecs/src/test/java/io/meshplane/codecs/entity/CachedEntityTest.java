package io.meshplane.codecs.entity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CachedEntityTest {
  private static final byte[] JSON = "{\"id\":\"urn:a\",\"version\":2}".getBytes(StandardCharsets.UTF_8);

  @Test
  void theBodyIsTheJsonUncopiedAndSurvivesBeingSentManyTimes() {
    CachedEntity entry = CachedEntity.present(2, JSON);

    assertThat(entry.body().getBytes()).isEqualTo(JSON);
    // what a response write takes: a view of its own each time, never releasing the entry's bytes
    for (int i = 0; i < 3; i++) {
      var written = ((BufferInternal) entry.body()).getByteBuf();
      assertThat(written.readableBytes()).isEqualTo(JSON.length);
      written.skipBytes(written.readableBytes());
      written.release();
    }
    assertThat(entry.body().length()).isEqualTo(JSON.length);
  }

  @Test
  void theBodyWrapsTheEntrysOwnBytes() {
    byte[] json = JSON.clone();
    CachedEntity entry = CachedEntity.present(2, json);

    json[2] = 'X';

    assertThat(entry.body().getByte(2)).isEqualTo((byte) 'X');
  }

  @Test
  void absentEntriesHaveNoBody() {
    assertThat(CachedEntity.tombstone(3).body()).isNull();
    assertThat(CachedEntity.unknown().body()).isNull();
  }
}
