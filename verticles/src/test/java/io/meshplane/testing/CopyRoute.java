package io.meshplane.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A rule sending every event of one type to a target topic, put on a {@link ProcessCluster} and awaited until every
 * running node applies it: an event a node routes before it has the rule is unmatched, by design.
 */
public final class CopyRoute {
  private static final String VERSION_GAUGE = "meshplane_router_routes_version";

  private CopyRoute() {}

  /** Returns the version of the rules that holds the route. */
  public static long put(ProcessCluster cluster, String name, String type, String target) {
    JsonObject route = new JsonObject()
        .put("match", new JsonObject().put("attr", "type").put("op", "eq").put("value", type))
        .put("to", new JsonArray().add(target));
    HttpResponse<String> response = cluster.running().get(0).http().put("/v1/routes/" + name, route.encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    long version = new JsonObject(response.body()).getLong("version");
    for (NodeProcess node : cluster.running()) {
      Poll.until(() -> Metrics.value(node.http(), VERSION_GAUGE) >= version, Duration.ofSeconds(30),
          Duration.ofMillis(100), node.name() + " applying routing rules version " + version);
    }
    return version;
  }
}
