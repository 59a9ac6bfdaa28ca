package io.meshplane.catalog;

import io.meshplane.problem.ProblemException;
import java.util.Set;

/**
 * The conditional-request headers of a write: {@code If-Match} (one or more entity versions, or {@code *}) and
 * {@code If-None-Match: *} (create only).
 */
public record Preconditions(boolean matchAny, Set<Long> matchVersions, boolean noneMatchAny) {
  public static final Preconditions NONE = new Preconditions(false, null, false);

  public static Preconditions fromHeaders(String ifMatch, String ifNoneMatch) {
    boolean noneMatchAny = false;
    if (ifNoneMatch != null) {
      if (!ifNoneMatch.trim().equals("*")) {
        throw ProblemException.badRequest("on writes, If-None-Match supports only '*'");
      }
      noneMatchAny = true;
    }
    if (ifMatch == null) {
      return new Preconditions(false, null, noneMatchAny);
    }
    if (ifMatch.trim().equals("*")) {
      return new Preconditions(true, null, noneMatchAny);
    }
    return new Preconditions(false, ETags.parseVersions(ifMatch, "If-Match"), noneMatchAny);
  }

  /** Throws 412 unless the current state (version 0 = does not exist) satisfies every condition. */
  public void check(long currentVersion, boolean exists) {
    if (noneMatchAny && exists) {
      throw ProblemException.preconditionFailed("If-None-Match: * but the entity exists at version "
          + currentVersion);
    }
    if (matchAny && !exists) {
      throw ProblemException.preconditionFailed("If-Match: * but the entity does not exist");
    }
    if (matchVersions != null && (!exists || !matchVersions.contains(currentVersion))) {
      throw ProblemException.preconditionFailed(exists
          ? "If-Match does not match the current version " + currentVersion
          : "If-Match given but the entity does not exist");
    }
  }
}
