package io.meshplane.api;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cache.CacheClients;
import io.meshplane.cache.L2EntityCache;
import io.meshplane.cache.TieredEntityCache;
import io.meshplane.catalog.EntityWriter;
import io.meshplane.catalog.EventLogReader;
import io.meshplane.config.MeshplaneConfig;
import io.meshplane.health.Check;
import io.meshplane.health.Readiness;
import io.meshplane.routing.RouteStore;
import io.meshplane.schema.AttributeValidators;
import io.meshplane.schema.SchemaRegistry;
import io.meshplane.storage.PgClients;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serves the HTTP API. One instance per event loop, each with its own PostgreSQL and Redis clients, so requests never
 * cross threads; the Hazelcast member and the single-flight table are shared by the node.
 */
public final class HttpApiVerticle extends VerticleBase {
  private static final long READINESS_TIMEOUT_MS = 2000;

  private final MeshplaneConfig config;
  private final NodeResources node;
  private CacheClients clients;
  private Pool writer;
  private HttpServer server;

  public HttpApiVerticle(MeshplaneConfig config, NodeResources node) {
    this.config = config;
    this.node = node;
  }

  @Override
  public Future<?> start() {
    clients = CacheClients.open(vertx, context, config, node.hazelcast(), node.singleFlight());
    writer = PgClients.writerPool(vertx, config.pg());
    RouteStore routes = new RouteStore(writer);
    Router router = router(clients.cache(), new EntityWriter(writer, clients.cache(), new AttributeValidators()),
        new EventLogReader(clients.reader()), new RouteAdminHandler(routes),
        new SchemaHandler(new SchemaRegistry(writer, clients.reader())), readiness(clients.l2(), node.hazelcast()));
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setCompressionSupported(false)
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(16384));
    return server.requestHandler(router).listen();
  }

  @Override
  public Future<?> stop() {
    Future<Void> drained = server == null ? Future.succeededFuture()
        : server.shutdown(config.node().shutdownGraceMs(), TimeUnit.MILLISECONDS);
    return drained.eventually(() -> Future.join(clients.close(), writer.close()));
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private Router router(TieredEntityCache cache, EntityWriter entityWriter, EventLogReader history,
      RouteAdminHandler routes, SchemaHandler schemas, Readiness readiness) {
    EntityReadHandler reads = new EntityReadHandler(cache);
    EntityWriteHandler writes = new EntityWriteHandler(entityWriter);
    EntityHistoryHandler historyHandler = new EntityHistoryHandler(history);
    HealthHandler health = new HealthHandler(readiness);
    EventIngressHandler ingress = new EventIngressHandler(node.kafka(), config.kafka().ingressTopic(), context);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.http().bodyLimitBytes());

    Router router = Router.router(vertx);
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    router.get("/v1/entities").handler(reads::getBatch);
    router.get("/v1/entities/:id/history").handler(historyHandler::get);
    router.get("/v1/entities/:id").handler(reads::getOne);
    router.put("/v1/entities/:id").handler(body).handler(writes::put);
    router.delete("/v1/entities/:id").handler(writes::delete);
    router.post("/v1/events").handler(body).handler(ingress::post);
    router.get("/v1/routes").handler(routes::list);
    router.get("/v1/routes/:name").handler(routes::get);
    router.put("/v1/routes/:name").handler(body).handler(routes::put);
    router.delete("/v1/routes/:name").handler(routes::delete);
    router.get("/v1/schemas").handler(schemas::listSubjects);
    router.get("/v1/schemas/:subject/versions").handler(schemas::listVersions);
    router.post("/v1/schemas/:subject/versions").handler(body).handler(schemas::register);
    router.get("/v1/schemas/:subject/versions/:version").handler(schemas::getVersion);
    router.route().failureHandler(ProblemResponder::handleFailure);
    for (int status : new int[] {400, 404, 405, 413, 415}) {
      router.errorHandler(status, ctx -> ProblemResponder.send(ctx, ProblemResponder.forStatus(status, null)));
    }
    return router;
  }

  private Readiness readiness(L2EntityCache l2, HazelcastInstance hazelcast) {
    return new Readiness(List.of(
        new Check("postgres", true, () -> clients.reader().query(SqlQueries.PING).execute()
            .map(rows -> new JsonObject())),
        new Check("redis", false, () -> l2.ping().map(ok -> new JsonObject())),
        new Check("hazelcast", true, () -> Future.succeededFuture(hazelcastStatus(hazelcast))),
        new Check("kafka", false, () -> node.kafkaProbe().probe(context))),
        READINESS_TIMEOUT_MS);
  }

  private static JsonObject hazelcastStatus(HazelcastInstance hazelcast) {
    if (!hazelcast.getLifecycleService().isRunning()) {
      throw new IllegalStateException("the Hazelcast member is not running");
    }
    return new JsonObject()
        .put("clusterSize", hazelcast.getCluster().getMembers().size())
        .put("clusterName", hazelcast.getConfig().getClusterName());
  }
}
