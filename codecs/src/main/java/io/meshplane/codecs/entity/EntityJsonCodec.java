package io.meshplane.codecs.entity;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link Entity} as the JSON document of the HTTP API, straight to UTF-8 bytes with Jackson's streaming
 * generator. The attributes are copied as raw JSON, never re-parsed.
 */
public final class EntityJsonCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private EntityJsonCodec() {}

  public static byte[] encode(Entity entity) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + entity.attributesJson().length());
    try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      write(entity, gen);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory JSON write failed", e);
    }
    return out.toByteArray();
  }

  private static void write(Entity e, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("id", e.id());
    gen.writeStringField("type", e.type());
    writeOptional(gen, "domain", e.domain());
    writeOptional(gen, "sourceSystem", e.sourceSystem());
    writeOptional(gen, "owner", e.owner());
    gen.writeArrayFieldStart("tags");
    for (String tag : e.tags()) {
      gen.writeString(tag);
    }
    gen.writeEndArray();
    gen.writeFieldName("attributes");
    gen.writeRawValue(e.attributesJson());
    if (e.schemaRef() != null) {
      gen.writeObjectFieldStart("schemaRef");
      gen.writeStringField("subject", e.schemaRef().subject());
      gen.writeNumberField("version", e.schemaRef().version());
      gen.writeEndObject();
    }
    gen.writeNumberField("version", e.version());
    gen.writeStringField("createdAt", timestamp(e.createdAt()));
    gen.writeStringField("updatedAt", timestamp(e.updatedAt()));
    gen.writeEndObject();
  }

  private static void writeOptional(JsonGenerator gen, String name, String value) throws IOException {
    if (value != null) {
      gen.writeStringField(name, value);
    }
  }

  private static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
