package io.meshplane.codecs.cloudevents;

import io.meshplane.codecs.CodecException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8: malformed bytes (overlong forms, encoded surrogates, cut sequences) are refused, not replaced. */
final class Utf8 {
  private Utf8() {}

  static String decode(byte[] bytes, String what) {
    String text = decodeOrNull(bytes);
    if (text == null) {
      throw new CodecException(what + " is not valid UTF-8");
    }
    return text;
  }

  /** The text, or null when the bytes are not valid UTF-8. */
  static String decodeOrNull(byte[] bytes) {
    if (isAscii(bytes)) {
      // the common case; ASCII cannot be malformed, so the JDK's fast path is safe here
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
