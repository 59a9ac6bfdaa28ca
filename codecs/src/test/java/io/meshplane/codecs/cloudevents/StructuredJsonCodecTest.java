package io.meshplane.codecs.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.meshplane.codecs.CodecException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredJsonCodecTest {

  @Test
  void fullEventRoundTrips() {
    CloudEvent event = TestEvents.full();

    byte[] json = StructuredJsonCodec.encode(event);

    assertThat(StructuredJsonCodec.decode(json)).isEqualTo(event);
    JsonObject object = new JsonObject(Buffer.buffer(json));
    assertThat(object.getJsonObject("data").getString("name")).isEqualTo("Größe ✓");
    assertThat(object.getString("partitionkey")).isEqualTo("urn:mesh:ds:1");
    assertThat(object.containsKey("data_base64")).isFalse();
  }

  @Test
  void minimalEventRoundTripsWithoutData() {
    byte[] json = StructuredJsonCodec.encode(TestEvents.minimal());

    assertThat(new JsonObject(Buffer.buffer(json)).fieldNames())
        .containsExactlyInAnyOrder("specversion", "id", "source", "type");
    assertThat(StructuredJsonCodec.decode(Buffer.buffer(json))).isEqualTo(TestEvents.minimal());
  }

  @Test
  void decodesTheSpecExampleWithNullsAndTypedExtensions() {
    JsonObject json = new JsonObject("""
        {"specversion": "1.0", "type": "com.example.someevent", "source": "/mycontext", "subject": null,
         "id": "C234-1234-1234", "time": "2018-04-05T17:31:00Z", "comexampleextension1": "value",
         "comexampleothervalue": 5, "flag": true, "unsetextension": null,
         "data": {"appinfoA": "abc", "appinfoB": 123, "appinfoC": true}}""");

    CloudEvent event = StructuredJsonCodec.decode(json);

    assertThat(event.subject()).isNull();
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(event.extensions()).containsOnly(entry("comexampleextension1", "value"),
        entry("comexampleothervalue", "5"), entry("flag", "true"));
    assertThat(new JsonObject(Buffer.buffer(event.data())))
        .isEqualTo(new JsonObject("{\"appinfoA\":\"abc\",\"appinfoB\":123,\"appinfoC\":true}"));
  }

  @Test
  void jsonDataKeepsItsValueExactlyWhateverItsShape() {
    for (String value : List.of("\"I'm just a string\"", "[1,2,{\"a\":null}]", "12.500000000000000000001", "null",
        "true", "1E+400")) {
      CloudEvent event = StructuredJsonCodec.decode(json("\"data\":" + value));

      assertThat(new String(event.data(), UTF_8)).isEqualTo(value);
      assertThat(StructuredJsonCodec.decode(StructuredJsonCodec.encode(event))).isEqualTo(event);
    }
  }

  @Test
  void textDataIsTheStringAndBinaryDataTravelsAsBase64() {
    CloudEvent xml = StructuredJsonCodec.decode(json("\"datacontenttype\":\"application/xml\","
        + "\"data\":\"<much wow=\\\"xml\\\"/>\""));
    CloudEvent binary = TestEvents.minimal().withData("application/octet-stream", new byte[] {0, (byte) 0xff, 7});

    assertThat(new String(xml.data(), UTF_8)).isEqualTo("<much wow=\"xml\"/>");
    assertThat(new JsonObject(Buffer.buffer(StructuredJsonCodec.encode(xml))).getString("data"))
        .isEqualTo("<much wow=\"xml\"/>");
    JsonObject encoded = new JsonObject(Buffer.buffer(StructuredJsonCodec.encode(binary)));
    assertThat(encoded.getString("data_base64")).isEqualTo("AP8H");
    assertThat(StructuredJsonCodec.decode(encoded).data()).containsExactly(0, 0xff, 7);
  }

  @Test
  void dataThatIsNotTheJsonItsTypeClaimsStillSurvivesEncoding() {
    CloudEvent event = TestEvents.minimal().withData("application/json", "{not json".getBytes(UTF_8));

    JsonObject encoded = new JsonObject(Buffer.buffer(StructuredJsonCodec.encode(event)));

    assertThat(encoded.containsKey("data")).isFalse();
    assertThat(StructuredJsonCodec.decode(encoded)).isEqualTo(event);
  }

  @Test
  void decodesABatch() {
    Buffer batch = Buffer.buffer("[" + new String(StructuredJsonCodec.encode(TestEvents.full()), UTF_8) + ","
        + new String(StructuredJsonCodec.encode(TestEvents.minimal()), UTF_8) + "]");

    assertThat(StructuredJsonCodec.decodeBatch(batch)).containsExactly(TestEvents.full(), TestEvents.minimal());
  }

  @Test
  void batchLimitsAndFaultsNameTheEvent() {
    JsonObject valid = new JsonObject(Buffer.buffer(StructuredJsonCodec.encode(TestEvents.minimal())));
    JsonArray thousand = new JsonArray();
    for (int i = 0; i < StructuredJsonCodec.MAX_BATCH; i++) {
      thousand.add(valid);
    }

    assertThat(StructuredJsonCodec.decodeBatch(thousand.toBuffer())).hasSize(1000);
    assertThatThrownBy(() -> StructuredJsonCodec.decodeBatch(thousand.copy().add(valid).toBuffer()))
        .hasMessage("a CloudEvents batch holds at most 1000 events");
    assertThatThrownBy(() -> StructuredJsonCodec.decodeBatch(Buffer.buffer("[]")))
        .hasMessage("a CloudEvents batch must hold at least one event");
    assertThatThrownBy(() -> StructuredJsonCodec.decodeBatch(Buffer.buffer("{}")))
        .hasMessage("a CloudEvents batch must be a JSON array");
    assertThatThrownBy(() -> StructuredJsonCodec.decodeBatch(new JsonArray().add(valid).add(42).toBuffer()))
        .hasMessage("batch event [1] must be a JSON object");
    assertThatThrownBy(() -> StructuredJsonCodec.decodeBatch(
        new JsonArray().add(valid).add(valid.copy().putNull("id")).toBuffer()))
        .hasMessage("batch event [1]: attribute 'id' is required");
    assertThatThrownBy(() -> StructuredJsonCodec.decodeBatch(Buffer.buffer("[" + valid.encode())))
        .isInstanceOf(CodecException.class).hasMessageStartingWith("malformed JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "source", "specversion", "type"})
  void refusesAnEventMissingARequiredAttribute(String attribute) {
    JsonObject json = new JsonObject(Buffer.buffer(StructuredJsonCodec.encode(TestEvents.minimal())));
    json.remove(attribute);

    assertThatThrownBy(() -> StructuredJsonCodec.decode(json))
        .isInstanceOf(CodecException.class)
        .hasMessage("attribute '" + attribute + "' is required");
  }

  @Test
  void refusesWrongTypesNamingTheAttribute() {
    assertThatThrownBy(() -> StructuredJsonCodec.decode(event("\"type\":42")))
        .hasMessage("'type' must be a string, not a number");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(event("\"id\":{}")))
        .hasMessage("'id' must be a string, not an object");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"time\":true")))
        .hasMessage("'time' must be a string, not a boolean");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"tenant\":[1]")))
        .hasMessage("extension 'tenant' must be a string, integer or boolean, not an array");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"tenant\":1.5")))
        .hasMessage("extension 'tenant' must be a string, integer or boolean, not a number");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"tenant\":4294967296")))
        .hasMessage("extension 'tenant' is outside the 32-bit Integer range");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"datacontenttype\":\"text/plain\",\"data\":{}")))
        .hasMessage("'data' must be a string when datacontenttype \"text/plain\" is not JSON");
  }

  @Test
  void refusesBadValues() {
    assertThatThrownBy(() -> StructuredJsonCodec.decode(event("\"specversion\":\"0.3\"")))
        .hasMessage("attribute 'specversion' must be \"1.0\", not \"0.3\"");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"time\":\"2026-13-01T00:00:00Z\"")))
        .hasMessageStartingWith("attribute 'time' is not an RFC 3339 timestamp");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"traceparent\":\"00-abc\"")))
        .hasMessageStartingWith("extension 'traceparent' is not a W3C trace context");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"Tenant\":\"x\"")))
        .hasMessage("extension name \"Tenant\" must be 1-20 characters of a-z and 0-9");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"" + "x".repeat(1_000) + "\":\"x\"")))
        .hasMessageContaining("must be 1-20 characters of a-z and 0-9");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"" + "x".repeat(100_000) + "\":\"x\"")))
        .hasMessageStartingWith("malformed JSON: Name length (100000) exceeds the maximum allowed");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"subject\":\"\\ud800\"")))
        .hasMessage("attribute 'subject' contains an unpaired UTF-16 surrogate U+D800");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"data\":1,\"data_base64\":\"AA==\"")))
        .hasMessage("'data' and 'data_base64' are both present; an event carries one or the other");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"data_base64\":\"not base64!\"")))
        .hasMessageStartingWith("'data_base64' is not valid Base64");
  }

  @Test
  void refusesMalformedJson() {
    byte[] valid = StructuredJsonCodec.encode(TestEvents.full());

    for (int cut = 0; cut < valid.length; cut += 7) {
      byte[] truncated = Arrays.copyOf(valid, cut);
      assertThatThrownBy(() -> StructuredJsonCodec.decode(truncated)).isInstanceOf(CodecException.class);
    }
    assertThatThrownBy(() -> StructuredJsonCodec.decode(Arrays.copyOf(valid, valid.length - 1)))
        .hasMessageStartingWith("malformed JSON: Unexpected end-of-input");
    assertThatThrownBy(() -> StructuredJsonCodec.decode("[]".getBytes(UTF_8)))
        .hasMessage("a structured CloudEvent must be a JSON object");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(new byte[0])).hasMessage("structured CloudEvent is empty");
    assertThatThrownBy(() -> StructuredJsonCodec.decode((Buffer) null))
        .hasMessage("structured CloudEvent is empty");
    assertThatThrownBy(() -> StructuredJsonCodec.decode(json("\"id\":\"2\"")))
        .hasMessageStartingWith("malformed JSON: Duplicate field 'id'");
    assertThatThrownBy(() -> StructuredJsonCodec.decode((new String(valid, UTF_8) + " {}").getBytes(UTF_8)))
        .hasMessage("malformed JSON: content after the end of the document");
  }

  @Test
  void refusesInvalidUtf8InsteadOfReplacingIt() {
    byte[] valid = StructuredJsonCodec.encode(TestEvents.minimal().withSubject("ab"));
    String text = new String(valid, UTF_8);
    int at = text.indexOf("ab");

    for (byte[] bad : new byte[][] {{(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0,
        (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}}) {
      byte[] withBad = Buffer.buffer().appendBytes(valid, 0, at).appendBytes(bad)
          .appendBytes(valid, at + 2, valid.length - at - 2).getBytes();
      assertThatThrownBy(() -> StructuredJsonCodec.decode(withBad))
          .hasMessage("structured CloudEvent is not valid UTF-8");
    }
  }

  @Test
  void randomDamageOnlyEverYieldsACodecException() {
    byte[] valid = StructuredJsonCodec.encode(TestEvents.full());
    Random random = new Random(20260102);

    for (int i = 0; i < 5_000; i++) {
      byte[] damaged = valid.clone();
      for (int hits = 1 + random.nextInt(3); hits > 0; hits--) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      try {
        StructuredJsonCodec.decode(damaged);
      } catch (CodecException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  /** A minimal valid event with extra members. */
  private static byte[] json(String members) {
    return ("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"," + members + "}")
        .getBytes(UTF_8);
  }

  /** An event whose members replace the minimal ones. */
  private static Buffer event(String member) {
    JsonObject json = new JsonObject("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}")
        .mergeIn(new JsonObject("{" + member + "}"));
    return json.toBuffer();
  }
}
