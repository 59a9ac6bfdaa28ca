package io.meshplane.codecs.cloudevents;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.meshplane.codecs.CodecException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The CloudEvents JSON event format ({@value #MEDIA_TYPE}) and its batch format ({@value #BATCH_MEDIA_TYPE}), on
 * Jackson's streaming API.
 *
 * <p>Decoding is strict: the bytes must be valid UTF-8 and hold exactly one JSON document without duplicate members;
 * every refusal is a {@link CodecException} naming the attribute and the problem. A {@code data} member is kept as
 * the JSON text of its value ({@code datacontenttype} defaulting to {@code application/json}), or, for a non-JSON
 * content type, as the UTF-8 bytes of its string; {@code data_base64} is decoded to bytes.
 *
 * <p>Encoding picks the member the JSON format asks for: JSON data as a JSON value, text data as a string, anything
 * else, and data that does not parse as its declared JSON, as {@code data_base64}, so the bytes always survive.
 */
public final class StructuredJsonCodec {
  public static final String MEDIA_TYPE = "application/cloudevents+json";
  public static final String BATCH_MEDIA_TYPE = "application/cloudevents-batch+json";
  public static final int MAX_BATCH = 1000;

  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private StructuredJsonCodec() {}

  public static CloudEvent decode(Buffer json) {
    return decode(json == null ? null : json.getBytes());
  }

  /** Encodes the object once and decodes that, so both entry points apply the same rules. */
  public static CloudEvent decode(JsonObject json) {
    if (json == null) {
      throw new CodecException("no CloudEvent: the JSON object is null");
    }
    try {
      return decode(json.toBuffer());
    } catch (EncodeException e) {
      throw new CodecException("the JSON object cannot be encoded: " + e.getMessage());
    }
  }

  public static CloudEvent decode(byte[] json) {
    try (JsonParser parser = JSON.createParser(text(json, "structured CloudEvent"))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new CodecException("a structured CloudEvent must be a JSON object");
      }
      CloudEvent event = StructuredEventReader.read(parser, JSON);
      requireEnd(parser);
      return event;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** A batch of 1 to {@value #MAX_BATCH} events; a refusal names the index of the event at fault. */
  public static List<CloudEvent> decodeBatch(Buffer json) {
    try (JsonParser parser = JSON.createParser(text(json == null ? null : json.getBytes(), "CloudEvents batch"))) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new CodecException("a CloudEvents batch must be a JSON array");
      }
      List<CloudEvent> events = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        int index = events.size();
        if (index == MAX_BATCH) {
          throw new CodecException("a CloudEvents batch holds at most " + MAX_BATCH + " events");
        }
        if (token != JsonToken.START_OBJECT) {
          throw new CodecException("batch event [" + index + "] must be a JSON object");
        }
        events.add(batchEvent(parser, index));
      }
      requireEnd(parser);
      if (events.isEmpty()) {
        throw new CodecException("a CloudEvents batch must hold at least one event");
      }
      return events;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  public static byte[] encode(CloudEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (event.data() == null ? 0 : event.data().length));
    try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      write(event, gen);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory JSON write failed", e);
    }
    return out.toByteArray();
  }

  private static void write(CloudEvent event, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("specversion", event.specversion());
    gen.writeStringField("id", event.id());
    gen.writeStringField("source", event.source());
    gen.writeStringField("type", event.type());
    writeOptional(gen, "datacontenttype", event.datacontenttype());
    writeOptional(gen, "dataschema", event.dataschema());
    writeOptional(gen, "subject", event.subject());
    writeOptional(gen, "time", event.time());
    for (Map.Entry<String, String> extension : event.extensions().entrySet()) {
      gen.writeStringField(extension.getKey(), extension.getValue());
    }
    if (event.data() != null) {
      writeData(event.datacontenttype(), event.data(), gen);
    }
    gen.writeEndObject();
  }

  private static void writeData(String contentType, byte[] data, JsonGenerator gen) throws IOException {
    String text = Utf8.decodeOrNull(data);
    if (text != null && MediaTypes.isJson(contentType) && isOneJsonValue(text)) {
      gen.writeFieldName("data");
      gen.writeRawValue(text);
    } else if (text != null && contentType != null && MediaTypes.isText(contentType)) {
      gen.writeStringField("data", text);
    } else {
      gen.writeStringField("data_base64", Base64.getEncoder().encodeToString(data));
    }
  }

  private static boolean isOneJsonValue(String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static CloudEvent batchEvent(JsonParser parser, int index) throws IOException {
    try {
      return StructuredEventReader.read(parser, JSON);
    } catch (CodecException e) {
      throw new CodecException("batch event [" + index + "]: " + e.getMessage());
    }
  }

  private static String text(byte[] json, String what) {
    if (json == null || json.length == 0) {
      throw new CodecException(what + " is empty");
    }
    return Utf8.decode(json, what);
  }

  private static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new CodecException("malformed JSON: content after the end of the document");
    }
  }

  private static void writeOptional(JsonGenerator gen, String name, String value) throws IOException {
    if (value != null) {
      gen.writeStringField(name, value);
    }
  }

  private static CodecException malformed(IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
        .orElse("");
    return new CodecException("malformed JSON: " + message);
  }
}
