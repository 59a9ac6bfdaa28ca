package io.meshplane.routing;

import io.meshplane.api.NodeResources;
import io.meshplane.cache.CacheClients;
import io.meshplane.config.MeshplaneConfig;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event router of one node: a member of the router consumer group (partitions spread over the nodes), rules
 * reloaded from PostgreSQL whenever they change, records routed on this verticle's event loop with enrichment from
 * the tiered cache, and the Kafka consumer on a thread of its own.
 */
public final class RouterVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RouterVerticle.class);
  private static final long STOP_TIMEOUT_MS = 15_000;

  private final MeshplaneConfig config;
  private final NodeResources node;
  private final RouterStats stats = new RouterStats();
  private CacheClients clients;
  private RouteRegistry registry;
  private ConsumerLoop loop;
  private Thread loopThread;

  public RouterVerticle(MeshplaneConfig config, NodeResources node) {
    this.config = config;
    this.node = node;
  }

  @Override
  public Future<?> start() {
    clients = CacheClients.open(vertx, context, config, node.hazelcast(), node.singleFlight(), node.cacheMetrics());
    stats.register(node.registry());
    registry = new RouteRegistry(new RouteStore(clients.reader()),
        Set.of(config.kafka().ingressTopic()));
    // nodes showing different versions for longer than the refresh interval are not applying rule changes
    Gauge.builder("meshplane.router.routes.version", registry, RouteRegistry::version)
        .description("version of the routing rules this node applies (-1 before the first load)")
        .register(node.registry());
    RecordRouter router = new RecordRouter(vertx, context, registry, clients.cache(), node.kafka(), node.tracing(),
        config.kafka(), config.router(), stats);
    return registry.refresh().onSuccess(loaded -> {
      vertx.setPeriodic(config.router().refreshIntervalMs(), id -> registry.refresh()
          .onFailure(e -> LOG.warn("routing rules not refreshed: {}", e.toString())));
      loop = new ConsumerLoop(config.kafka(), config.router(), "meshplane-router-" + deploymentID(),
          () -> registry.table().sourceTopics(), batch -> onContext(router, batch));
      loopThread = new Thread(loop, "meshplane-router-consumer");
      loopThread.start();
    });
  }

  @Override
  public Future<?> stop() {
    if (loop != null) {
      loop.stop();
    }
    return vertx.executeBlocking(() -> {
      if (loopThread != null) {
        loopThread.join(STOP_TIMEOUT_MS);
      }
      return null;
    }).eventually(clients::close);
  }

  public RouterStats stats() {
    return stats;
  }

  /** The version of the routing rules this node applies now. */
  public long routesVersion() {
    return registry.version();
  }

  /** Called on the consumer thread; the routing itself runs on this verticle's event loop. */
  private Future<Void> onContext(RecordRouter router, List<ConsumerRecord<byte[], byte[]>> batch) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> router.route(batch).onComplete(done));
    return done.future();
  }
}
