package io.meshplane.codecs.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.meshplane.codecs.CodecException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a {@link CloudEvent} over the clustered event bus; locally the same immutable instance is delivered.
 *
 * <pre>
 *   int32   length of what follows
 *   byte    format, 1
 *   string  specversion, id, source, type
 *   string  datacontenttype, dataschema, subject, time   (length -1 = absent)
 *   int32   extension count, then name and value strings
 *   bytes   data                                        (length -1 = no data)
 * </pre>
 *
 * A string or byte field is an int32 big-endian length followed by that many bytes; strings are UTF-8.
 */
public final class CloudEventMessageCodec implements MessageCodec<CloudEvent, CloudEvent> {
  public static final String NAME = "meshplane.cloudevent";
  private static final byte FORMAT = 1;
  private static final int ABSENT = -1;

  @Override
  public void encodeToWire(Buffer buffer, CloudEvent event) {
    int start = buffer.length();
    buffer.appendInt(0); // the length, set once known
    buffer.appendByte(FORMAT);
    appendString(buffer, event.specversion());
    appendString(buffer, event.id());
    appendString(buffer, event.source());
    appendString(buffer, event.type());
    appendString(buffer, event.datacontenttype());
    appendString(buffer, event.dataschema());
    appendString(buffer, event.subject());
    appendString(buffer, event.time());
    buffer.appendInt(event.extensions().size());
    for (Map.Entry<String, String> extension : event.extensions().entrySet()) {
      appendString(buffer, extension.getKey());
      appendString(buffer, extension.getValue());
    }
    appendBytes(buffer, event.data());
    buffer.setInt(start, buffer.length() - start - Integer.BYTES);
  }

  @Override
  public CloudEvent decodeFromWire(int pos, Buffer buffer) {
    WireReader in = WireReader.framed(buffer, pos);
    byte format = in.readByte();
    if (format != FORMAT) {
      throw new CodecException("unknown CloudEvent wire format " + format);
    }
    String specversion = in.readString("specversion");
    String id = in.readString("id");
    String source = in.readString("source");
    String type = in.readString("type");
    String datacontenttype = in.readString("datacontenttype");
    String dataschema = in.readString("dataschema");
    String subject = in.readString("subject");
    String time = in.readString("time");
    int count = in.readCount("extension count", 2 * Integer.BYTES);
    Map<String, String> extensions = new HashMap<>();
    for (int i = 0; i < count; i++) {
      extensions.put(in.readString("extension name"), in.readString("extension value"));
    }
    byte[] data = in.readBytes("data");
    in.requireEnd();
    return new CloudEvent(id, source, specversion, type, datacontenttype, dataschema, subject, time, data,
        extensions);
  }

  /** The instance is immutable, so local delivery shares it. */
  @Override
  public CloudEvent transform(CloudEvent event) {
    return event;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1; // a user codec
  }

  private static void appendString(Buffer buffer, String value) {
    appendBytes(buffer, value == null ? null : value.getBytes(UTF_8));
  }

  private static void appendBytes(Buffer buffer, byte[] value) {
    if (value == null) {
      buffer.appendInt(ABSENT);
    } else {
      buffer.appendInt(value.length).appendBytes(value);
    }
  }

  /** Reads within one frame and checks every length before trusting it. */
  private static final class WireReader {
    private final Buffer buffer;
    private final int end;
    private int pos;

    private WireReader(Buffer buffer, int pos, int end) {
      this.buffer = buffer;
      this.pos = pos;
      this.end = end;
    }

    static WireReader framed(Buffer buffer, int pos) {
      if (buffer == null || pos < 0 || pos > buffer.length() - Integer.BYTES) {
        throw new CodecException("CloudEvent wire frame is truncated before its length");
      }
      int length = buffer.getInt(pos);
      if (length < 0 || length > buffer.length() - pos - Integer.BYTES) {
        throw new CodecException("CloudEvent wire frame declares " + length + " bytes; "
            + (buffer.length() - pos - Integer.BYTES) + " are there");
      }
      return new WireReader(buffer, pos + Integer.BYTES, pos + Integer.BYTES + length);
    }

    byte readByte() {
      require(1, "format");
      return buffer.getByte(pos++);
    }

    /** A count whose items take at least {@code minItemSize} bytes each, so it cannot exceed what is left. */
    int readCount(String what, int minItemSize) {
      int count = readInt(what);
      if (count < 0 || count > (end - pos) / minItemSize) {
        throw new CodecException("CloudEvent wire frame: " + what + " " + count + " does not fit the frame");
      }
      return count;
    }

    String readString(String what) {
      byte[] bytes = readBytes(what);
      return bytes == null ? null : Utf8.decode(bytes, "CloudEvent wire field '" + what + "'");
    }

    byte[] readBytes(String what) {
      int length = readInt(what);
      if (length == ABSENT) {
        return null;
      }
      if (length < 0) {
        throw new CodecException("CloudEvent wire frame: negative length " + length + " of " + what);
      }
      require(length, what);
      byte[] bytes = buffer.getBytes(pos, pos + length);
      pos += length;
      return bytes;
    }

    void requireEnd() {
      if (pos != end) {
        throw new CodecException("CloudEvent wire frame has " + (end - pos) + " bytes after the data");
      }
    }

    private int readInt(String what) {
      require(Integer.BYTES, what);
      int value = buffer.getInt(pos);
      pos += Integer.BYTES;
      return value;
    }

    private void require(int bytes, String what) {
      if (bytes > end - pos) {
        throw new CodecException("CloudEvent wire frame is truncated in " + what);
      }
    }
  }
}
