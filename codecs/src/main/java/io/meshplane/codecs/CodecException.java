package io.meshplane.codecs;

/** Bytes that do not decode; the message says what is wrong with them. */
public final class CodecException extends RuntimeException {
  public CodecException(String message) {
    super(message);
  }
}
