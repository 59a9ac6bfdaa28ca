package io.meshplane.codecs.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.codecs.CodecException;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class CloudEventMessageCodecTest {
  private final CloudEventMessageCodec codec = new CloudEventMessageCodec();

  @Test
  void roundTripsWithAndWithoutDataAndExtensions() {
    CloudEvent emptyData = TestEvents.minimal().withData("application/octet-stream", new byte[0]);

    for (CloudEvent event : new CloudEvent[] {TestEvents.full(), TestEvents.minimal(), emptyData}) {
      Buffer buffer = Buffer.buffer();
      codec.encodeToWire(buffer, event);

      assertThat(codec.decodeFromWire(0, buffer)).isEqualTo(event);
    }
  }

  @Test
  void readsAFrameThatStartsPartWayThroughTheBuffer() {
    Buffer buffer = Buffer.buffer("prefix");
    codec.encodeToWire(buffer, TestEvents.full());
    buffer.appendString("suffix");

    assertThat(codec.decodeFromWire(6, buffer)).isEqualTo(TestEvents.full());
  }

  @Test
  void isANamedUserCodecThatSharesTheImmutableInstanceLocally() {
    CloudEvent event = TestEvents.full();

    assertThat(codec.name()).isEqualTo("meshplane.cloudevent");
    assertThat(codec.systemCodecID()).isEqualTo((byte) -1);
    assertThat(codec.transform(event)).isSameAs(event);
  }

  @Test
  void everyTruncationIsACodecException() {
    Buffer buffer = Buffer.buffer();
    codec.encodeToWire(buffer, TestEvents.full());

    for (int length = 0; length < buffer.length(); length++) {
      Buffer truncated = buffer.getBuffer(0, length);
      assertThatThrownBy(() -> codec.decodeFromWire(0, truncated)).isInstanceOf(CodecException.class);
    }
    assertThatThrownBy(() -> codec.decodeFromWire(0, buffer.getBuffer(0, buffer.length() - 1)))
        .hasMessageStartingWith("CloudEvent wire frame declares");
  }

  @Test
  void refusesHostileFrames() {
    Buffer valid = Buffer.buffer();
    codec.encodeToWire(valid, TestEvents.minimal());
    int firstString = 4 + 1;

    assertThatThrownBy(() -> codec.decodeFromWire(0, valid.copy().setByte(4, (byte) 9)))
        .hasMessage("unknown CloudEvent wire format 9");
    assertThatThrownBy(() -> codec.decodeFromWire(0, valid.copy().setInt(firstString, 1_000_000)))
        .hasMessage("CloudEvent wire frame is truncated in specversion");
    assertThatThrownBy(() -> codec.decodeFromWire(0, valid.copy().setInt(firstString, -7)))
        .hasMessage("CloudEvent wire frame: negative length -7 of specversion");
    assertThatThrownBy(() -> codec.decodeFromWire(0, valid.copy().setByte(firstString + 4, (byte) 0xff)))
        .hasMessage("CloudEvent wire field 'specversion' is not valid UTF-8");
    assertThatThrownBy(() -> codec.decodeFromWire(0, valid.copy().setInt(0, valid.length() - 5).appendByte((byte) 0)))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> codec.decodeFromWire(-1, valid)).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> codec.decodeFromWire(0, null)).isInstanceOf(CodecException.class);
  }

  @Test
  void refusesAHugeExtensionCount() {
    Buffer valid = Buffer.buffer();
    codec.encodeToWire(valid, TestEvents.minimal());
    int countAt = valid.length() - 4 - 4; // before the count: absent data (4) and the count itself (4)

    assertThatThrownBy(() -> codec.decodeFromWire(0, valid.copy().setInt(countAt, Integer.MAX_VALUE)))
        .hasMessage("CloudEvent wire frame: extension count 2147483647 does not fit the frame");
  }

  @Test
  void decodedEventsAreValidatedLikeAnyOther() {
    Buffer valid = Buffer.buffer();
    codec.encodeToWire(valid, TestEvents.minimal());
    int specversionFirstByte = 4 + 1 + 4;

    assertThatThrownBy(() -> codec.decodeFromWire(0, valid.copy().setByte(specversionFirstByte, (byte) '2')))
        .hasMessage("attribute 'specversion' must be \"1.0\", not \"2.0\"");
  }
}
