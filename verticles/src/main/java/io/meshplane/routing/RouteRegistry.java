package io.meshplane.routing;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's current rules. {@link #refresh()} asks PostgreSQL for the latest route version (one cheap query) and only
 * when it moved loads and compiles every route into a new {@link RouteTable}, swapped in whole.
 */
public final class RouteRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(RouteRegistry.class);

  private final RouteStore store;
  private final Set<String> ingressTopics;
  private volatile RouteTable table;
  private volatile long version = -1;

  public RouteRegistry(RouteStore store, Set<String> ingressTopics) {
    this.store = store;
    this.ingressTopics = Set.copyOf(ingressTopics);
    this.table = RouteTable.of(List.of(), ingressTopics);
  }

  public RouteTable table() {
    return table;
  }

  /** The route version the table reflects; -1 before the first load. */
  public long version() {
    return version;
  }

  /** True when the table changed. */
  public Future<Boolean> refresh() {
    return store.latestVersion().compose(latest -> {
      if (latest == version) {
        return Future.succeededFuture(false);
      }
      return store.list().map(routes -> {
        List<CompiledRoute> compiled = new ArrayList<>(routes.size());
        for (StoredRoute route : routes) {
          try {
            compiled.add(route.compile());
          } catch (RuntimeException e) {
            // stored routes were compiled when they were PUT; one that no longer compiles must not stop the others
            LOG.error("route '{}' version {} does not compile and is skipped: {}", route.name(), route.version(),
                e.getMessage());
          }
        }
        table = RouteTable.of(compiled, ingressTopics);
        version = latest;
        LOG.info("routing table at version {}: {} routes", latest, compiled.size());
        return true;
      });
    });
  }
}
