package io.meshplane.schema;

import io.meshplane.problem.ProblemException;

/**
 * How a new version of a subject must relate to the latest one. BACKWARD: the new schema reads data written with the
 * old; FORWARD: the old schema reads data written with the new; FULL: both; NONE: no check.
 */
public enum CompatibilityMode {
  BACKWARD(true, false),
  FORWARD(false, true),
  FULL(true, true),
  NONE(false, false);

  /** The mode of a subject whose first registration did not name one. */
  public static final CompatibilityMode DEFAULT = BACKWARD;

  private final boolean newReadsOld;
  private final boolean oldReadsNew;

  CompatibilityMode(boolean newReadsOld, boolean oldReadsNew) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
  }

  public boolean newReadsOld() {
    return newReadsOld;
  }

  public boolean oldReadsNew() {
    return oldReadsNew;
  }

  public static CompatibilityMode parse(Object name) {
    for (CompatibilityMode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw ProblemException.badRequest("'compatibility' must be one of BACKWARD, FORWARD, FULL, NONE");
  }
}
