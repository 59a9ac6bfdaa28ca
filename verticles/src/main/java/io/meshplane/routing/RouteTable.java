package io.meshplane.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable snapshot of the enabled routes, indexed per source topic and by event {@code type}: a route whose match
 * requires the type to be one of a known set is tried only for events of those types; the others are tried for every
 * event. The cost per event therefore follows the number of routes that could match it, not the number of rules.
 */
public final class RouteTable {
  /** Every enabled route, sorted by name; a route's position here is its rank. */
  private final CompiledRoute[] routes;
  private final Map<String, TopicRoutes> byTopic;
  private final Set<String> sourceTopics;

  private RouteTable(CompiledRoute[] routes, Map<String, TopicRoutes> byTopic, Set<String> sourceTopics) {
    this.routes = routes;
    this.byTopic = byTopic;
    this.sourceTopics = sourceTopics;
  }

  /**
   * Indexes the enabled ones among {@code routes}; a route without {@code from} reads {@code ingressTopics}.
   *
   * @throws IllegalArgumentException when two routes share a name
   */
  public static RouteTable of(Collection<CompiledRoute> routes, Set<String> ingressTopics) {
    CompiledRoute[] enabled = routes.stream()
        .filter(CompiledRoute::enabled)
        .sorted(Comparator.comparing(CompiledRoute::name))
        .toArray(CompiledRoute[]::new);
    Set<String> sourceTopics = new HashSet<>(ingressTopics);
    Map<String, TopicRoutes.Builder> builders = new HashMap<>();
    for (int rank = 0; rank < enabled.length; rank++) {
      CompiledRoute route = enabled[rank];
      if (rank > 0 && enabled[rank - 1].name().equals(route.name())) {
        throw new IllegalArgumentException("two routes are named '" + route.name() + "'");
      }
      Set<String> types = TypeIndex.requiredTypes(route.matcher());
      for (String topic : route.from().isEmpty() ? ingressTopics : route.from()) {
        builders.computeIfAbsent(topic, t -> new TopicRoutes.Builder()).add(rank, types);
      }
      sourceTopics.addAll(route.from());
    }
    Map<String, TopicRoutes> byTopic = new HashMap<>();
    builders.forEach((topic, builder) -> byTopic.put(topic, builder.build()));
    return new RouteTable(enabled, Map.copyOf(byTopic), Set.copyOf(sourceTopics));
  }

  /** The routes reading {@code topic} that match {@code event}, ordered by name; a new list. */
  public List<CompiledRoute> matching(String topic, EventView event) {
    TopicRoutes candidates = byTopic.get(topic);
    if (candidates == null) {
      return new ArrayList<>(0);
    }
    int[] typed = candidates.forType(event.attribute("type"));
    int[] untyped = candidates.untyped();
    List<CompiledRoute> matched = new ArrayList<>(4);
    // both arrays hold ranks in ascending order: merging them keeps the result ordered by name
    int i = 0;
    int j = 0;
    while (i < typed.length || j < untyped.length) {
      int rank = j == untyped.length || (i < typed.length && typed[i] < untyped[j]) ? typed[i++] : untyped[j++];
      CompiledRoute route = routes[rank];
      if (route.matches(event)) {
        matched.add(route);
      }
    }
    return matched;
  }

  /** Every topic some route reads, and the ingress topics: what the router's consumer subscribes to. */
  public Set<String> sourceTopics() {
    return sourceTopics;
  }
}
