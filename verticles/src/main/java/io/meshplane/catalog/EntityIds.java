package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * The shape every client-chosen name (entity ids, schema subjects) must have: 1–256 characters of
 * {@code [A-Za-z0-9._:/@-]}.
 */
public final class EntityIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:/@-]{1,256}");

  private EntityIds() {}

  public static String require(String id) {
    return require("entity id", id);
  }

  /** Answers {@code id} if well-formed, else refuses it with a 400 that calls it {@code what}. */
  public static String require(String what, String id) {
    if (id == null || !VALID.matcher(id).matches()) {
      throw ProblemException.badRequest("invalid " + what + " '" + abbreviate(id)
          + "': expected 1-256 characters of A-Z a-z 0-9 . _ : / @ -");
    }
    return id;
  }

  private static String abbreviate(String id) {
    if (id == null) {
      return "";
    }
    String printable = id.codePoints().limit(64)
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return id.length() > 64 ? printable + "…" : printable;
  }
}
