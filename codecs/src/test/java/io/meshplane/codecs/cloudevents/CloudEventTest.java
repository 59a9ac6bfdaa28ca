package io.meshplane.codecs.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.codecs.CodecException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudEventTest {

  @Test
  void withersKeepEverythingElseAndHelpersReadTheWellKnownExtensions() {
    CloudEvent event = TestEvents.full();

    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.subject()).isEqualTo("urn:mesh:ds:1");
    assertThat(event.partitionKey()).isEqualTo("urn:mesh:ds:1");
    assertThat(event.traceparent()).isEqualTo(TestEvents.TRACEPARENT);
    assertThat(event.extension("tenant")).isEqualTo("sales");
    assertThat(event.extensions()).containsOnlyKeys("partitionkey", "traceparent", "tracestate", "tenant");
    assertThat(event.withExtension("tenant", null).extensions()).doesNotContainKey("tenant");
    assertThat(event.withSubject(null).time()).isEqualTo(event.time());
  }

  @Test
  void equalityComparesDataByContent() {
    CloudEvent a = TestEvents.minimal().withData("text/plain", "hi".getBytes(UTF_8));
    CloudEvent b = TestEvents.minimal().withData("text/plain", "hi".getBytes(UTF_8));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(TestEvents.minimal().withData("text/plain", "ho".getBytes(UTF_8)));
    assertThat(a.toString()).contains("data=2 bytes");
  }

  @Test
  void extensionsAreImmutable() {
    assertThatThrownBy(() -> TestEvents.full().extensions().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredAttributesAreRefusedByName() {
    assertThatThrownBy(() -> CloudEvent.of(null, "/s", "t")).hasMessage("attribute 'id' is required");
    assertThatThrownBy(() -> CloudEvent.of("1", null, "t")).hasMessage("attribute 'source' is required");
    assertThatThrownBy(() -> CloudEvent.of("1", "/s", null)).hasMessage("attribute 'type' is required");
    assertThatThrownBy(() -> CloudEvent.of("", "/s", "t")).hasMessage("attribute 'id' must not be empty");
    assertThatThrownBy(() -> new CloudEvent("1", "/s", "0.3", "t", null, null, null, null, null, Map.of()))
        .isInstanceOf(CodecException.class).hasMessage("attribute 'specversion' must be \"1.0\", not \"0.3\"");
  }

  @Test
  void sourceMustBeAUriReferenceAndDataschemaAnAbsoluteUri() {
    assertThatThrownBy(() -> CloudEvent.of("1", "not a uri", "t"))
        .hasMessageContaining("attribute 'source' is not a URI reference");
    assertThatThrownBy(() -> TestEvents.minimal().withDataschema("/relative"))
        .hasMessageContaining("attribute 'dataschema' must be an absolute URI");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-02T03:04:05Z", "2026-01-02t03:04:05.123456789+05:30", "1985-04-12T23:20:50.52z"})
  void acceptsRfc3339Timestamps(String time) {
    assertThat(TestEvents.minimal().withTime(time).time()).isEqualTo(time);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-02", "2026-01-02T03:04Z", "2026-02-30T00:00:00Z", "2026-01-02T03:04:05",
      "2026-01-02 03:04:05Z", "2026-01-02T25:00:00Z", "yesterday", "2026-01-02T03:04:05+0100"})
  void refusesTimesThatAreNotRfc3339(String time) {
    assertThatThrownBy(() -> TestEvents.minimal().withTime(time))
        .isInstanceOf(CodecException.class)
        .hasMessageStartingWith("attribute 'time' is not an RFC 3339 timestamp");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Tenant", "ten-ant", "ten_ant", "", "abcdefghijklmnopqrstu", "café"})
  void refusesExtensionNamesOutsideTheSpec(String name) {
    assertThatThrownBy(() -> TestEvents.minimal().withExtension(name, "v"))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("must be 1-20 characters of a-z and 0-9");
  }

  @Test
  void refusesExtensionsNamedLikeStandardAttributes() {
    assertThatThrownBy(() -> TestEvents.minimal().withExtension("subject", "v"))
        .hasMessage("extension name 'subject' clashes with a standard attribute");
    assertThatThrownBy(() -> TestEvents.minimal().withExtension("data", "v"))
        .hasMessage("extension name 'data' clashes with a standard attribute");
  }

  @Test
  void acceptsTwentyCharacterExtensionNames() {
    assertThat(TestEvents.minimal().withExtension("abcdefghij0123456789", "v").extensions()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "garbage"})
  void refusesMalformedTraceparent(String traceparent) {
    assertThatThrownBy(() -> TestEvents.minimal().withExtension("traceparent", traceparent))
        .isInstanceOf(CodecException.class)
        .hasMessageStartingWith("extension 'traceparent' is not a W3C trace context");
  }

  @Test
  void refusesCharactersTheSpecExcludesFromStrings() {
    assertThatThrownBy(() -> CloudEvent.of("a\u0000b", "/s", "t"))
        .hasMessage("attribute 'id' contains the control character U+0000");
    assertThatThrownBy(() -> CloudEvent.of("1", "/s", "t\ud800"))
        .hasMessage("attribute 'type' contains an unpaired UTF-16 surrogate U+D800");
    assertThatThrownBy(() -> TestEvents.minimal().withExtension("x", "\ufffe"))
        .hasMessage("extension 'x' contains the noncharacter U+FFFE");
    assertThat(CloudEvent.of("\ud83d\ude00", "/s", "t").id()).isEqualTo("😀");
  }

  @Test
  void refusesAnEmptyPartitionKey() {
    assertThatThrownBy(() -> TestEvents.minimal().withExtension("partitionkey", ""))
        .hasMessage("extension 'partitionkey' must not be empty");
  }

  @Test
  void errorMessagesCutHugeValuesShort() {
    String huge = "x".repeat(10_000);

    assertThatThrownBy(() -> TestEvents.minimal().withExtension(huge, "v"))
        .isInstanceOf(CodecException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}
