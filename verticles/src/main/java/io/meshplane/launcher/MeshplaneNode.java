package io.meshplane.launcher;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.api.HttpApiVerticle;
import io.meshplane.api.NodeResources;
import io.meshplane.api.WriteRateLimiter;
import io.meshplane.cache.CacheMetrics;
import io.meshplane.cache.L1EntityCache;
import io.meshplane.cache.Lookup;
import io.meshplane.cache.NearCacheWarmer;
import io.meshplane.cache.SingleFlight;
import io.meshplane.cluster.HazelcastMember;
import io.meshplane.codecs.cloudevents.CloudEvent;
import io.meshplane.codecs.cloudevents.CloudEventMessageCodec;
import io.meshplane.config.MeshplaneConfig;
import io.meshplane.kafka.KafkaAdmin;
import io.meshplane.kafka.KafkaSender;
import io.meshplane.observability.NodeMetrics;
import io.meshplane.observability.OpenTelemetryFromEnvironment;
import io.meshplane.observability.Tracing;
import io.meshplane.outbox.OutboxRelayVerticle;
import io.meshplane.routing.RouterVerticle;
import io.meshplane.storage.PgClients;
import io.meshplane.storage.SchemaMigrator;
import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Meshplane node: migrates the schema, joins the Hazelcast cluster, creates the Kafka producer, then deploys the
 * outbox relay, the event router and one HTTP verticle per event loop. {@link #stop()} undoes it in reverse: stop accepting and drain
 * in-flight requests, stop the relay, flush the producer, leave the cluster, close Vert.x.
 */
public final class MeshplaneNode {
  private static final Logger LOG = LoggerFactory.getLogger(MeshplaneNode.class);

  private final MeshplaneConfig config;
  private final Vertx vertx;
  private final NodeMetrics metrics;
  private final OpenTelemetry openTelemetry;
  private final List<String> deploymentIds = new ArrayList<>();
  private HazelcastInstance hazelcast;
  private KafkaSender kafka;
  private KafkaAdmin kafkaAdmin;
  private RouterVerticle router;
  private int httpPort;
  private HttpApiVerticle http;

  private MeshplaneNode(MeshplaneConfig config, Vertx vertx, NodeMetrics metrics, OpenTelemetry openTelemetry) {
    this.config = config;
    this.vertx = vertx;
    this.metrics = metrics;
    this.openTelemetry = openTelemetry;
  }

  /** Starts a node; with {@code tracing.enabled}, spans go where the standard OTEL_* settings say. */
  public static Future<MeshplaneNode> start(MeshplaneConfig config) {
    return start(config, config.node().tracing() ? OpenTelemetryFromEnvironment.create() : OpenTelemetry.noop());
  }

  /** Starts a node that traces into {@code openTelemetry} when {@code tracing.enabled} is set. */
  public static Future<MeshplaneNode> start(MeshplaneConfig config, OpenTelemetry openTelemetry) {
    NodeMetrics metrics = new NodeMetrics();
    VertxOptions options = new VertxOptions()
        .setMetricsOptions(metrics.vertxOptions())
        .setEventLoopPoolSize(config.node().effectiveEventLoops())
        .setMaxEventLoopExecuteTime(config.node().maxEventLoopExecuteMs())
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        // check often enough that a task overrunning the limit is caught, not only one overrunning it fivefold
        .setBlockedThreadCheckInterval(Math.max(10, config.node().maxEventLoopExecuteMs() / 5))
        .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        // with the stack of the blocked thread from the first report on, so the culprit is named
        .setWarningExceptionTime(config.node().maxEventLoopExecuteMs())
        .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    VertxBuilder builder = Vertx.builder().withMetrics(metrics.vertxMetrics());
    if (config.node().tracing()) {
      options.setTracingOptions(new OpenTelemetryOptions());
      builder.withTracer(new OpenTelemetryTracingFactory(openTelemetry));
    }
    Vertx vertx = builder.with(options).build();
    MeshplaneNode node = new MeshplaneNode(config, vertx, metrics, openTelemetry);
    Promise<MeshplaneNode> started = Promise.promise();
    node.boot().onComplete(booted -> {
      if (booted.succeeded()) {
        started.complete(booted.result());
      } else {
        vertx.close().onComplete(closed -> started.fail(booted.cause()));
      }
    });
    return started.future();
  }

  private Future<MeshplaneNode> boot() {
    int instances = config.node().effectiveEventLoops();
    AtomicReference<HttpApiVerticle> first = new AtomicReference<>();
    return SchemaMigrator.migrate(vertx, config.pg())
        .onSuccess(result -> LOG.info(result.migrationsExecuted == 0 ? "schema up to date"
            : "schema migrated to version " + result.targetSchemaVersion))
        .compose(migrated -> HazelcastMember.start(vertx, config.hazelcast(), config.cache()))
        .compose(member -> {
          hazelcast = member;
          return vertx.executeBlocking(() -> {
            kafka = KafkaSender.create(config.kafka(), "meshplane-" + member.getCluster().getLocalMember().getUuid());
            kafkaAdmin = KafkaAdmin.create(config.kafka());
            if (config.kafka().createTopics()) {
              kafkaAdmin.createMissingTopics(config.kafka());
            }
            return null;
          });
        })
        .compose(clients -> {
          vertx.eventBus().registerDefaultCodec(CloudEvent.class, new CloudEventMessageCodec());
          SingleFlight<String, Lookup> singleFlight = new SingleFlight<>();
          NodeResources resources = new NodeResources(hazelcast, singleFlight, kafka, kafkaAdmin, metrics.registry(),
              new CacheMetrics(metrics.registry(), singleFlight), new Tracing(openTelemetry),
              new WriteRateLimiter(config.http().writesPerSecond()));
          Gauge.builder("meshplane.cluster.members", hazelcast, h -> h.getCluster().getMembers().size())
              .description("members of this node's Hazelcast cluster").register(metrics.registry());
          router = new RouterVerticle(config, resources);
          return warmNearCache()
              .compose(warmed -> vertx.deployVerticle(new OutboxRelayVerticle(config, resources)))
              .onSuccess(deploymentIds::add)
              .compose(relay -> vertx.deployVerticle(router))
              .onSuccess(deploymentIds::add)
              .compose(routing -> vertx.deployVerticle(() -> {
                HttpApiVerticle verticle = new HttpApiVerticle(config, resources);
                first.compareAndSet(null, verticle);
                return verticle;
              }, new DeploymentOptions().setInstances(instances)));
        })
        .map(id -> {
          deploymentIds.add(id);
          http = first.get();
          httpPort = http.actualPort();
          LOG.info("Meshplane node up: HTTP on port {}, {} event loops, Hazelcast cluster '{}' with {} member(s)",
              httpPort, instances, config.hazelcast().clusterName(), hazelcast.getCluster().getMembers().size());
          return this;
        })
        .recover(e -> releaseResources().transform(ignored -> Future.failedFuture(e)));
  }

  /** Stops serving first (newest deployment first: HTTP, the router, the relay), then releases the shared clients. */
  public Future<Void> stop() {
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deploymentIds.size() - 1; i >= 0; i--) {
      String id = deploymentIds.get(i);
      undeployed = undeployed.eventually(() -> vertx.undeploy(id));
    }
    // not bound to a Vert.x context: its listeners must still run once Vert.x itself is closed
    Promise<Void> stopped = Promise.promise();
    undeployed
        .eventually(this::releaseResources)
        .onComplete(ignored -> vertx.close().onComplete(closed -> {
          LOG.info("Meshplane node stopped");
          stopped.handle(closed);
        }));
    return stopped.future();
  }

  /** Fills L1 and this node's near cache before the HTTP verticles (hence readiness) come up. */
  private Future<Integer> warmNearCache() {
    SqlClient reader = PgClients.pipelinedReader(vertx, config.pg());
    Context context = vertx.getOrCreateContext();
    L1EntityCache l1 = new L1EntityCache(hazelcast.getMap(HazelcastMember.ENTITY_MAP), context);
    return new NearCacheWarmer(reader, l1).warm(config.cache().warmupEntries())
        .onSuccess(count -> LOG.info("near cache warmed with {} entities", count))
        .recover(e -> {
          LOG.warn("near-cache warm-up skipped: {}", e.toString());
          return Future.succeededFuture(0);
        })
        .eventually(reader::close);
  }

  /** Flushes in-flight produces, closes the Kafka clients and leaves the Hazelcast cluster, in that order. */
  private Future<Void> releaseResources() {
    return vertx.<Void>executeBlocking(() -> {
      if (kafka != null) {
        kafka.close();
      }
      if (kafkaAdmin != null) {
        kafkaAdmin.close();
      }
      if (openTelemetry instanceof Closeable sdk) {
        sdk.close(); // flushes the spans still queued for export
      }
      return null;
    }).eventually(() -> hazelcast == null ? Future.succeededFuture() : HazelcastMember.stop(vertx, hazelcast));
  }

  public int httpPort() {
    return httpPort;
  }

  /** The HTTP routes served, as {@code METHOD /path/{param}}. */
  public List<String> httpRoutes() {
    return http.routes();
  }

  public RouterVerticle router() {
    return router;
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  public Vertx vertx() {
    return vertx;
  }
}
