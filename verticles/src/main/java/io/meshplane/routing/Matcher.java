package io.meshplane.routing;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The compiled {@code match} of a route: a tree of all/any/not over conditions on one event. */
public sealed interface Matcher permits AllMatcher, AnyMatcher, NotMatcher, Condition {

  /** The matcher of a route without {@code match}: all of no conditions, which every event satisfies. */
  Matcher ANY_EVENT = new AllMatcher(List.of());

  boolean matches(EventView event);

  /** This matcher in the rule format it was parsed from. */
  JsonObject toJson();
}
