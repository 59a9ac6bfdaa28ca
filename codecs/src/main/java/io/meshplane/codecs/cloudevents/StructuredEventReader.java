package io.meshplane.codecs.cloudevents;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.meshplane.codecs.CodecException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Reads the members of one structured-mode JSON object, the parser standing on its {@code START_OBJECT}. */
final class StructuredEventReader {
  private final Map<String, String> attributes = new HashMap<>();
  private final Map<String, String> extensions = new HashMap<>();
  private byte[] dataJson;
  private String dataText;
  private String dataBase64;

  private StructuredEventReader() {}

  static CloudEvent read(JsonParser parser, JsonFactory json) throws IOException {
    StructuredEventReader reader = new StructuredEventReader();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      reader.member(name, parser.nextToken(), parser, json);
    }
    return reader.event();
  }

  private void member(String name, JsonToken value, JsonParser parser, JsonFactory json) throws IOException {
    if (name.equals("data")) {
      // kept even when null: a null payload is distinct from no payload
      dataText = value == JsonToken.VALUE_STRING ? parser.getText() : null;
      dataJson = copyValue(parser, json);
    } else if (value == JsonToken.VALUE_NULL) {
      return; // the JSON format treats a null attribute as unset
    } else if (name.equals("data_base64")) {
      dataBase64 = string(name, value, parser);
    } else if (AttributeRules.RESERVED.contains(name)) {
      attributes.put(name, string(name, value, parser));
    } else {
      extensions.put(AttributeRules.extensionName(name), extensionValue(name, value, parser));
    }
  }

  private CloudEvent event() {
    String contentType = attributes.get("datacontenttype");
    byte[] data = null;
    if (dataJson != null && dataBase64 != null) {
      throw new CodecException("'data' and 'data_base64' are both present; an event carries one or the other");
    }
    if (dataBase64 != null) {
      data = base64(dataBase64);
    } else if (dataJson != null) {
      if (contentType == null) {
        contentType = MediaTypes.JSON; // implied by the JSON format; made explicit for the other bindings
      }
      data = dataBytes(contentType);
    }
    return new CloudEvent(attributes.get("id"), attributes.get("source"), attributes.get("specversion"),
        attributes.get("type"), contentType, attributes.get("dataschema"), attributes.get("subject"),
        attributes.get("time"), data, extensions);
  }

  /** JSON data stays JSON text; other data arrives as a string whose characters are the payload. */
  private byte[] dataBytes(String contentType) {
    if (MediaTypes.isJson(contentType)) {
      return dataJson;
    }
    if (dataText == null) {
      throw new CodecException("'data' must be a string when datacontenttype " + AttributeRules.show(contentType)
          + " is not JSON");
    }
    return dataText.getBytes(UTF_8);
  }

  private static byte[] base64(String encoded) {
    try {
      return Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new CodecException("'data_base64' is not valid Base64: " + e.getMessage());
    }
  }

  private static String string(String name, JsonToken value, JsonParser parser) throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      throw new CodecException("'" + name + "' must be a string, not " + describe(value));
    }
    return parser.getText();
  }

  /** The JSON format's String, Integer and Boolean extension types, as text. */
  private static String extensionValue(String name, JsonToken value, JsonParser parser) throws IOException {
    return switch (value) {
      case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> parser.getText();
      case VALUE_NUMBER_INT -> {
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
          throw new CodecException("extension '" + name + "' is outside the 32-bit Integer range");
        }
        yield Integer.toString(parser.getIntValue());
      }
      default -> throw new CodecException("extension '" + name + "' must be a string, integer or boolean, not "
          + describe(value));
    };
  }

  /** Copies one JSON value token by token; numbers keep their text so no precision is lost. */
  private static byte[] copyValue(JsonParser parser, JsonFactory json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator gen = json.createGenerator(out, JsonEncoding.UTF8)) {
      int depth = 0;
      do {
        JsonToken token = parser.currentToken();
        if (token.isNumeric()) {
          gen.writeNumber(parser.getText());
        } else {
          gen.copyCurrentEvent(parser);
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      } while (depth > 0 && parser.nextToken() != null);
    }
    return out.toByteArray();
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> token.name();
    };
  }
}
