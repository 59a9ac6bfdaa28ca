package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Request bodies that must be one JSON object: strict UTF-8, well-formed JSON, or a 400 saying which is wrong. */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonObject parseObject(Buffer body) {
    if (body == null || body.length() == 0) {
      throw ProblemException.badRequest("request body is empty; expected a JSON object");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(strictUtf8(body));
    } catch (DecodeException e) {
      String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw ProblemException.badRequest("malformed JSON: " + message);
    }
    if (!(parsed instanceof JsonObject object)) {
      throw ProblemException.badRequest("expected a JSON object");
    }
    return object;
  }

  /** Refuses malformed UTF-8 (overlong forms, encoded surrogates, truncated sequences) instead of replacing it. */
  private static String strictUtf8(Buffer body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.badRequest("request body is not valid UTF-8");
    }
  }
}
