package io.meshplane.codecs.cloudevents;

import io.meshplane.codecs.CodecException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The CloudEvents 1.0 rules for attribute names and values; every refusal names the attribute and the problem. */
final class AttributeRules {
  static final String SPEC_VERSION = "1.0";
  /** Names an extension may not take: the context attributes and the two data members of the JSON format. */
  static final Set<String> RESERVED = Set.of("specversion", "id", "source", "type", "datacontenttype",
      "dataschema", "subject", "time", "data", "data_base64");
  static final int MAX_NAME_LENGTH = 20;

  private static final Pattern NAME = Pattern.compile("[a-z0-9]{1," + MAX_NAME_LENGTH + "}");
  // RFC 3339 section 5.6; the fraction is capped at nanoseconds, the precision java.time keeps
  private static final Pattern TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final int SHOWN = 64;

  private AttributeRules() {}

  static String required(String name, String value) {
    if (value == null) {
      throw new CodecException("attribute '" + name + "' is required");
    }
    return optional(name, value);
  }

  static String optional(String name, String value) {
    if (value != null) {
      if (value.isEmpty()) {
        throw new CodecException("attribute '" + name + "' must not be empty");
      }
      checkCharacters("attribute '" + name + "'", value);
    }
    return value;
  }

  static String specversion(String value) {
    required("specversion", value);
    if (!SPEC_VERSION.equals(value)) {
      throw new CodecException("attribute 'specversion' must be \"" + SPEC_VERSION + "\", not " + show(value));
    }
    return value;
  }

  /** A non-empty URI-reference. */
  static String source(String value) {
    parseUri("source", required("source", value));
    return value;
  }

  /** An absolute URI, when present. */
  static String dataschema(String value) {
    if (optional("dataschema", value) != null && !parseUri("dataschema", value).isAbsolute()) {
      throw new CodecException("attribute 'dataschema' must be an absolute URI, not " + show(value));
    }
    return value;
  }

  static String timestamp(String value) {
    optional("time", value);
    if (value != null) {
      boolean valid = TIMESTAMP.matcher(value).matches();
      if (valid) {
        try {
          OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)); // catches 2026-02-30, hour 25 and the like
        } catch (DateTimeParseException e) {
          valid = false;
        }
      }
      if (!valid) {
        throw new CodecException("attribute 'time' is not an RFC 3339 timestamp: " + show(value));
      }
    }
    return value;
  }

  /** A validated, unmodifiable copy, sorted by name so that every encoding of an event is the same. */
  static Map<String, String> extensions(Map<String, String> extensions) {
    if (extensions == null || extensions.isEmpty()) {
      return Map.of();
    }
    TreeMap<String, String> copy = new TreeMap<>();
    extensions.forEach((name, value) -> copy.put(extensionName(name), extensionValue(name, value)));
    return Collections.unmodifiableMap(copy);
  }

  static String extensionName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      String shown = name == null ? "null" : show(name);
      throw new CodecException("extension name " + shown + " must be 1-" + MAX_NAME_LENGTH
          + " characters of a-z and 0-9");
    }
    if (RESERVED.contains(name)) {
      throw new CodecException("extension name '" + name + "' clashes with a standard attribute");
    }
    return name;
  }

  private static String extensionValue(String name, String value) {
    if (value == null) {
      throw new CodecException("extension '" + name + "' has no value");
    }
    checkCharacters("extension '" + name + "'", value);
    switch (name) {
      case CloudEvent.PARTITION_KEY -> {
        if (value.isEmpty()) {
          throw new CodecException("extension 'partitionkey' must not be empty");
        }
      }
      case CloudEvent.TRACEPARENT -> traceparent(value);
      default -> { }
    }
    return value;
  }

  /** W3C Trace Context version 00; all-zero trace and parent ids are invalid there too. */
  private static void traceparent(String value) {
    if (!TRACEPARENT.matcher(value).matches() || value.startsWith("00000000000000000000000000000000", 3)
        || value.startsWith("0000000000000000", 36)) {
      throw new CodecException("extension 'traceparent' is not a W3C trace context "
          + "(00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>): " + show(value));
    }
  }

  private static URI parseUri(String name, String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new CodecException("attribute '" + name + "' is not a URI reference: " + show(value));
    }
  }

  /**
   * The spec's String type excludes control characters, Unicode noncharacters and unpaired surrogates; refusing them
   * here also guarantees that every attribute encodes to UTF-8 without loss.
   */
  private static void checkCharacters(String what, String value) {
    int i = 0;
    while (i < value.length()) {
      int c = value.codePointAt(i);
      String problem = c >= 0xD800 && c <= 0xDFFF ? "an unpaired UTF-16 surrogate"
          : c < 0x20 || (c >= 0x7F && c <= 0x9F) ? "the control character"
          : (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE ? "the noncharacter"
          : null;
      if (problem != null) {
        throw new CodecException(what + " contains " + problem + String.format(" U+%04X", c));
      }
      i += Character.charCount(c);
    }
  }

  /** A value quoted for an error message: cut short, control characters escaped. */
  static String show(String value) {
    StringBuilder shown = new StringBuilder("\"");
    for (int i = 0; i < value.length() && i < SHOWN; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.append(value.length() > SHOWN ? "\"..." : "\"").toString();
  }
}
