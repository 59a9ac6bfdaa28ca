package io.meshplane.routing;

import io.vertx.core.json.JsonObject;

/** One compiled step of a route's {@code transform}. */
public sealed interface Transform permits ProjectTransform, RenameTransform, SetTransform, DropTransform {

  /** The step's {@code op} in a rule. */
  String op();

  /**
   * Applies the step to {@code data}, which it may modify, and returns the result.
   *
   * @throws IllegalArgumentException when the data does not have the shape the step needs, with the reason
   */
  JsonObject apply(JsonObject data);

  /** This step in the rule format it was parsed from. */
  JsonObject toJson();
}
