package io.meshplane.routing;

/**
 * An event's data that a route could not transform or enrich, e.g. a rename from an absent path. The message names the
 * route and the step; the event goes to the dead-letter topic with it.
 */
public final class RouteTransformException extends RuntimeException {
  private final String route;
  private final String step;

  public RouteTransformException(String route, String step, String reason) {
    // an expected outcome for bad data, reported by its message: no stack trace to fill
    super("route '" + route + "' " + step + " failed: " + reason, null, false, false);
    this.route = route;
    this.step = step;
  }

  public String route() {
    return route;
  }

  /** Which step failed, e.g. {@code transform[1] (rename)} or {@code enrich}. */
  public String step() {
    return step;
  }
}
