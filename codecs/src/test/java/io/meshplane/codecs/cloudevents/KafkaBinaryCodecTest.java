package io.meshplane.codecs.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.codecs.CodecException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaBinaryCodecTest {

  @Test
  void fullEventRoundTripsThroughHeadersAndValue() {
    CloudEvent event = TestEvents.full();

    Headers headers = KafkaBinaryCodec.toHeaders(event);

    assertThat(KafkaBinaryCodec.fromRecord(headers, event.data())).isEqualTo(event);
  }

  @Test
  void structuredJsonToKafkaAndBackIsLossless() {
    CloudEvent fromJson = StructuredJsonCodec.decode(StructuredJsonCodec.encode(TestEvents.full()));

    CloudEvent fromKafka = KafkaBinaryCodec.fromRecord(KafkaBinaryCodec.toHeaders(fromJson), fromJson.data());

    assertThat(StructuredJsonCodec.encode(fromKafka)).isEqualTo(StructuredJsonCodec.encode(TestEvents.full()));
  }

  @Test
  void minimalEventHasOnlyTheRequiredHeadersAndNoValue() {
    Headers headers = KafkaBinaryCodec.toHeaders(TestEvents.minimal());

    assertThat(names(headers)).containsExactly("ce_specversion", "ce_id", "ce_source", "ce_type");
    assertThat(KafkaBinaryCodec.fromRecord(headers, null)).isEqualTo(TestEvents.minimal());
  }

  @Test
  void mapsAttributesToTheBindingsHeaders() {
    Headers headers = KafkaBinaryCodec.toHeaders(TestEvents.full());

    assertThat(value(headers, "content-type")).isEqualTo("application/json");
    assertThat(value(headers, "ce_time")).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(value(headers, "ce_partitionkey")).isEqualTo("urn:mesh:ds:1");
    assertThat(value(headers, "ce_tenant")).isEqualTo("sales");
    assertThat(headers.lastHeader("ce_datacontenttype")).isNull();
  }

  @Test
  void tracingTravelsAsExtensionAndAsW3cHeaders() {
    Headers headers = KafkaBinaryCodec.toHeaders(TestEvents.full());

    assertThat(value(headers, "ce_traceparent")).isEqualTo(TestEvents.TRACEPARENT);
    assertThat(value(headers, "traceparent")).isEqualTo(TestEvents.TRACEPARENT);
    assertThat(value(headers, "tracestate")).isEqualTo("congo=t61rcWkgMzE");

    // a tracer replacing the hop context does not change the event's own trace
    headers.remove("traceparent");
    headers.add("traceparent", "00-11111111111111111111111111111111-2222222222222222-01".getBytes(UTF_8));
    assertThat(KafkaBinaryCodec.fromRecord(headers, null).traceparent()).isEqualTo(TestEvents.TRACEPARENT);
  }

  @Test
  void keyIsThePartitionKeyElseTheCallersDefault() {
    assertThat(KafkaBinaryCodec.key(TestEvents.full(), "entity-7")).isEqualTo("urn:mesh:ds:1");
    assertThat(KafkaBinaryCodec.key(TestEvents.minimal(), "entity-7")).isEqualTo("entity-7");
  }

  @Test
  void aStructuredModeRecordIsDecodedFromItsValue() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(UTF_8));

    CloudEvent event = KafkaBinaryCodec.fromRecord(headers, StructuredJsonCodec.encode(TestEvents.full()));

    assertThat(event).isEqualTo(TestEvents.full());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ce_specversion", "ce_id", "ce_source", "ce_type"})
  void refusesARecordMissingARequiredHeader(String name) {
    Headers headers = KafkaBinaryCodec.toHeaders(TestEvents.minimal());
    headers.remove(name);

    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(headers, null))
        .isInstanceOf(CodecException.class)
        .hasMessageStartingWith("header '" + name + "' is missing");
  }

  @Test
  void refusesHostileHeaders() {
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_subject", new byte[] {'a', (byte) 0xc0, 'b'}),
        null)).hasMessage("header 'ce_subject' is not valid UTF-8");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_id", "2".getBytes(UTF_8)), null))
        .hasMessage("header 'ce_id' appears more than once");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_subject", null), null))
        .hasMessage("header 'ce_subject' has no value");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_Tenant", "x".getBytes(UTF_8)), null))
        .hasMessageContaining("must be 1-20 characters of a-z and 0-9");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_" + "x".repeat(5000), new byte[0]), null))
        .hasMessageContaining("must be 1-20 characters of a-z and 0-9");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_datacontenttype", "a/b".getBytes(UTF_8)), null))
        .hasMessageStartingWith("header 'ce_datacontenttype' is not allowed");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_traceparent", "00-1-2-3".getBytes(UTF_8)), null))
        .hasMessageStartingWith("extension 'traceparent' is not a W3C trace context");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(with("ce_specversion", "0.3".getBytes(UTF_8)), null))
        .hasMessage("header 'ce_specversion' appears more than once");
    assertThatThrownBy(() -> KafkaBinaryCodec.fromRecord(null, null)).isInstanceOf(CodecException.class);
  }

  @Test
  void otherHeadersAreLeftAlone() {
    Headers headers = with("x-request-id", new byte[] {(byte) 0xff});

    assertThat(KafkaBinaryCodec.fromRecord(headers, null)).isEqualTo(TestEvents.minimal());
  }

  private static Headers with(String name, byte[] value) {
    Headers headers = KafkaBinaryCodec.toHeaders(TestEvents.minimal());
    headers.add(name, value);
    return headers;
  }

  private static List<String> names(Headers headers) {
    List<String> names = new ArrayList<>();
    for (Header header : headers) {
      names.add(header.key());
    }
    return names;
  }

  private static String value(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), UTF_8);
  }
}
