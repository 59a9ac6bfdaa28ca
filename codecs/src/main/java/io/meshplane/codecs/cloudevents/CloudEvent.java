package io.meshplane.codecs.cloudevents;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One CloudEvents 1.0 event. Construction checks every attribute against the spec and refuses an invalid one with a
 * {@link io.meshplane.codecs.CodecException} naming it, so an instance that exists can be encoded by every codec.
 *
 * <p>{@code time} is kept as the validated RFC 3339 text, so it travels unchanged. {@code data} is the payload as
 * bytes, or null for an event without data. The event owns that array and nobody writes to it after construction:
 * that is what lets the codecs and the event bus share one instance without copying. Extension values are strings;
 * integer and boolean extensions of the JSON format arrive as their decimal or {@code true}/{@code false} text.
 */
public record CloudEvent(
    String id,
    String source,
    String specversion,
    String type,
    String datacontenttype,
    String dataschema,
    String subject,
    String time,
    byte[] data,
    Map<String, String> extensions) {

  public static final String SPEC_VERSION = AttributeRules.SPEC_VERSION;
  /** Partitioning extension: the Kafka record key when set. */
  public static final String PARTITION_KEY = "partitionkey";
  /** Distributed Tracing extension: the W3C trace context of the trace that created the event. */
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  public CloudEvent {
    AttributeRules.specversion(specversion);
    AttributeRules.required("id", id);
    AttributeRules.source(source);
    AttributeRules.required("type", type);
    AttributeRules.optional("datacontenttype", datacontenttype);
    AttributeRules.dataschema(dataschema);
    AttributeRules.optional("subject", subject);
    AttributeRules.timestamp(time);
    extensions = AttributeRules.extensions(extensions);
  }

  /** An event with the required attributes only. */
  public static CloudEvent of(String id, String source, String type) {
    return new CloudEvent(id, source, SPEC_VERSION, type, null, null, null, null, null, Map.of());
  }

  public CloudEvent withData(String datacontenttype, byte[] data) {
    return new CloudEvent(id, source, specversion, type, datacontenttype, dataschema, subject, time, data,
        extensions);
  }

  public CloudEvent withDataschema(String dataschema) {
    return new CloudEvent(id, source, specversion, type, datacontenttype, dataschema, subject, time, data,
        extensions);
  }

  public CloudEvent withSubject(String subject) {
    return new CloudEvent(id, source, specversion, type, datacontenttype, dataschema, subject, time, data,
        extensions);
  }

  public CloudEvent withTime(String time) {
    return new CloudEvent(id, source, specversion, type, datacontenttype, dataschema, subject, time, data,
        extensions);
  }

  /** This event with the extension set, or removed when {@code value} is null. */
  public CloudEvent withExtension(String name, String value) {
    Map<String, String> changed = new HashMap<>(extensions);
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    return new CloudEvent(id, source, specversion, type, datacontenttype, dataschema, subject, time, data, changed);
  }

  public String extension(String name) {
    return extensions.get(name);
  }

  public String partitionKey() {
    return extensions.get(PARTITION_KEY);
  }

  public String traceparent() {
    return extensions.get(TRACEPARENT);
  }

  /** Compares {@code data} by content; a record would compare the array's identity. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CloudEvent that
        && id.equals(that.id)
        && source.equals(that.source)
        && specversion.equals(that.specversion)
        && type.equals(that.type)
        && Objects.equals(datacontenttype, that.datacontenttype)
        && Objects.equals(dataschema, that.dataschema)
        && Objects.equals(subject, that.subject)
        && Objects.equals(time, that.time)
        && Arrays.equals(data, that.data)
        && extensions.equals(that.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, source, type, datacontenttype, dataschema, subject, time, extensions) * 31
        + Arrays.hashCode(data);
  }

  /** Shows the size of {@code data}, not its bytes, which may be large or private. */
  @Override
  public String toString() {
    return "CloudEvent[id=" + id + ", source=" + source + ", specversion=" + specversion + ", type=" + type
        + ", datacontenttype=" + datacontenttype + ", dataschema=" + dataschema + ", subject=" + subject
        + ", time=" + time + ", data=" + (data == null ? "null" : data.length + " bytes")
        + ", extensions=" + extensions + "]";
  }
}
