package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import io.vertx.core.http.HttpHeaders;
import java.util.HashSet;
import java.util.Set;

/** Entity ETags are the version in quotes: {@code "7"}. Weak forms ({@code W/"7"}) compare equal on reads. */
public final class ETags {
  /** Most entities live at low versions: their tags are made once, as ready-to-write header values. */
  private static final CharSequence[] PREPARED = new CharSequence[4096];

  static {
    for (int version = 0; version < PREPARED.length; version++) {
      PREPARED[version] = HttpHeaders.createOptimized(format(version));
    }
  }

  private ETags() {}

  public static CharSequence of(long version) {
    return version >= 0 && version < PREPARED.length ? PREPARED[(int) version] : format(version);
  }

  private static String format(long version) {
    return "\"" + version + "\"";
  }

  /** Parses a comma-separated list of entity tags into versions; a malformed one is a 400. */
  public static Set<Long> parseVersions(String header, String headerName) {
    Set<Long> versions = new HashSet<>();
    for (String raw : header.split(",")) {
      String tag = raw.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
        throw ProblemException.badRequest(headerName + " must list quoted entity tags such as \"3\"");
      }
      try {
        versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
      } catch (NumberFormatException e) {
        throw ProblemException.badRequest(headerName + " entity tag " + tag + " is not a version");
      }
    }
    return versions;
  }

  /** True when an {@code If-None-Match} header of a read matches {@code version}; malformed tags never match. */
  public static boolean noneMatchHits(String header, long version) {
    for (String raw : header.split(",")) {
      String tag = raw.trim();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 3 && tag.charAt(0) == '"' && tag.charAt(tag.length() - 1) == '"'
          && tag.substring(1, tag.length() - 1).equals(Long.toString(version))) {
        return true;
      }
    }
    return false;
  }
}
