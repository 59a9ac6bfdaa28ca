package io.meshplane.codecs.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.meshplane.codecs.CodecException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The binary content mode of the CloudEvents Kafka protocol binding: every attribute is a header {@code ce_<name>}
 * with a UTF-8 value, except {@code datacontenttype}, which is the {@code content-type} header; the record value is
 * {@link CloudEvent#data()} as-is (null for an event without data); the key is the {@code partitionkey} extension
 * when set, else a key the caller chooses (the entity id), and {@code partitionkey} stays in the headers too.
 *
 * <p>Tracing: the Distributed Tracing extension and the W3C Trace Context headers are two things. The extension
 * ({@code ce_traceparent}, {@code ce_tracestate}) carries the trace that created the event and never changes; the
 * plain {@code traceparent} and {@code tracestate} headers carry the context of the current hop, which Kafka tracing
 * instrumentation reads and may replace with its producer span. {@link #toHeaders} writes both, the plain headers
 * seeded from the extension; {@link #fromRecord} takes the extension from the {@code ce_} headers only and leaves the
 * plain ones to the tracer.
 *
 * <p>A record whose {@code content-type} is a CloudEvents format ({@code application/cloudevents...}) is in
 * structured mode; {@link #fromRecord} decodes its value as structured JSON, as the binding asks of a receiver.
 */
public final class KafkaBinaryCodec {
  public static final String PREFIX = "ce_";
  public static final String CONTENT_TYPE = "content-type";
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private static final String SPECVERSION = PREFIX + "specversion";
  private static final String ID = PREFIX + "id";
  private static final String SOURCE = PREFIX + "source";
  private static final String TYPE = PREFIX + "type";
  private static final String DATASCHEMA = PREFIX + "dataschema";
  private static final String SUBJECT = PREFIX + "subject";
  private static final String TIME = PREFIX + "time";
  private static final byte[] SPEC_VERSION_BYTES = CloudEvent.SPEC_VERSION.getBytes(UTF_8);

  private KafkaBinaryCodec() {}

  public static Headers toHeaders(CloudEvent event) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SPECVERSION, SPEC_VERSION_BYTES);
    add(headers, ID, event.id());
    add(headers, SOURCE, event.source());
    add(headers, TYPE, event.type());
    add(headers, CONTENT_TYPE, event.datacontenttype());
    add(headers, DATASCHEMA, event.dataschema());
    add(headers, SUBJECT, event.subject());
    add(headers, TIME, event.time());
    for (Map.Entry<String, String> extension : event.extensions().entrySet()) {
      add(headers, PREFIX + extension.getKey(), extension.getValue());
    }
    add(headers, TRACEPARENT, event.extension(CloudEvent.TRACEPARENT));
    add(headers, TRACESTATE, event.extension(CloudEvent.TRACESTATE));
    return headers;
  }

  /** The record key: the {@code partitionkey} extension when set, else {@code defaultKey}. */
  public static String key(CloudEvent event, String defaultKey) {
    String partitionKey = event.partitionKey();
    return partitionKey != null ? partitionKey : defaultKey;
  }

  public static CloudEvent fromRecord(Headers headers, byte[] value) {
    if (headers == null) {
      throw new CodecException("record has no headers; expected ce_ headers of a CloudEvent");
    }
    String contentType = null;
    Map<String, String> attributes = new HashMap<>();
    for (Header header : headers) {
      String key = header.key();
      if (CONTENT_TYPE.equals(key)) {
        if (contentType != null) {
          throw new CodecException("header '" + CONTENT_TYPE + "' appears more than once");
        }
        contentType = headerValue(header);
      } else if (key != null && key.startsWith(PREFIX)
          && attributes.put(key.substring(PREFIX.length()), headerValue(header)) != null) {
        throw new CodecException("header '" + key + "' appears more than once");
      }
    }
    if (contentType != null && MediaTypes.isStructuredEvent(contentType)) {
      return StructuredJsonCodec.decode(value);
    }
    return binaryEvent(attributes, contentType, value);
  }

  private static CloudEvent binaryEvent(Map<String, String> attributes, String contentType, byte[] value) {
    if (attributes.containsKey("datacontenttype")) {
      throw new CodecException("header '" + PREFIX + "datacontenttype' is not allowed; the binding carries "
          + "datacontenttype in '" + CONTENT_TYPE + "'");
    }
    String specversion = requiredHeader(attributes, "specversion");
    String id = requiredHeader(attributes, "id");
    String source = requiredHeader(attributes, "source");
    String type = requiredHeader(attributes, "type");
    String dataschema = attributes.remove("dataschema");
    String subject = attributes.remove("subject");
    String time = attributes.remove("time");
    // what remains are the extensions; the CloudEvent checks their names
    return new CloudEvent(id, source, specversion, type, contentType, dataschema, subject, time, value, attributes);
  }

  private static String requiredHeader(Map<String, String> attributes, String name) {
    String value = attributes.remove(name);
    if (value == null) {
      throw new CodecException("header '" + PREFIX + name + "' is missing; '" + name + "' is a required attribute");
    }
    return value;
  }

  private static String headerValue(Header header) {
    byte[] value = header.value();
    if (value == null) {
      throw new CodecException("header '" + header.key() + "' has no value");
    }
    return Utf8.decode(value, "header '" + header.key() + "'");
  }

  private static void add(Headers headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(UTF_8));
    }
  }
}
