package io.meshplane.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The routes reading one topic, as ranks in ascending order: per event type, and those every event must try. */
final class TopicRoutes {
  private static final int[] NONE = new int[0];
  private final Map<String, int[]> byType;
  private final int[] untyped;

  private TopicRoutes(Map<String, int[]> byType, int[] untyped) {
    this.byType = byType;
    this.untyped = untyped;
  }

  /** The routes that can only match events of {@code type} (null when the event has none). */
  int[] forType(String type) {
    return type == null ? NONE : byType.getOrDefault(type, NONE);
  }

  /** The routes to try whatever the type. */
  int[] untyped() {
    return untyped;
  }

  /** Collects ranks, which must be added in ascending order. */
  static final class Builder {
    private final Map<String, List<Integer>> byType = new HashMap<>();
    private final List<Integer> untyped = new ArrayList<>();

    /** Adds the route of {@code rank}; it matches only events of {@code types}, or any type when that is empty. */
    void add(int rank, Set<String> types) {
      if (types.isEmpty()) {
        untyped.add(rank);
      }
      for (String type : types) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(rank);
      }
    }

    TopicRoutes build() {
      Map<String, int[]> typed = new HashMap<>();
      byType.forEach((type, ranks) -> typed.put(type, toArray(ranks)));
      return new TopicRoutes(Map.copyOf(typed), toArray(untyped));
    }

    private static int[] toArray(List<Integer> ranks) {
      return ranks.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
