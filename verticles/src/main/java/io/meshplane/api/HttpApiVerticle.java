package io.meshplane.api;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cache.CacheClients;
import io.meshplane.cache.L2EntityCache;
import io.meshplane.catalog.EdgeWriter;
import io.meshplane.catalog.EntityWriter;
import io.meshplane.catalog.EventLogReader;
import io.meshplane.config.MeshplaneConfig;
import io.meshplane.graph.GraphReader;
import io.meshplane.graph.LineageCache;
import io.meshplane.health.Check;
import io.meshplane.health.Readiness;
import io.meshplane.routing.RouteStore;
import io.meshplane.schema.SchemaRegistry;
import io.meshplane.storage.PgClients;
import io.meshplane.storage.SqlQueries;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Serves the HTTP API. One instance per event loop, each with its own PostgreSQL and Redis clients, so requests never
 * cross threads; the Hazelcast member and the single-flight table are shared by the node.
 */
public final class HttpApiVerticle extends VerticleBase {
  private static final long READINESS_TIMEOUT_MS = 2000;
  private static final String OPENAPI_DOCUMENT = "openapi.yaml";
  private static final CharSequence YAML = HttpHeaders.createOptimized("application/yaml");

  private final MeshplaneConfig config;
  private final NodeResources node;
  private CacheClients clients;
  private Pool writer;
  private HttpServer server;
  private Router router;

  public HttpApiVerticle(MeshplaneConfig config, NodeResources node) {
    this.config = config;
    this.node = node;
  }

  @Override
  public Future<?> start() {
    clients = CacheClients.open(vertx, context, config, node.hazelcast(), node.singleFlight(), node.cacheMetrics());
    writer = PgClients.writerPool(vertx, config.pg());
    RouteStore routes = new RouteStore(writer);
    LineageCache lineageCache = new LineageCache(node.hazelcast().getMap(LineageCache.MAP), context);
    EntityReadHandler reads = new EntityReadHandler(clients.cache());
    router = router(reads,
        new EntityWriteHandler(new EntityWriter(writer, clients.cache(), lineageCache, config.pg().writePoolSize(),
            config.pg().writeBatchMax(), node.registry())),
        new EventLogReader(clients.reader()), new RouteAdminHandler(routes),
        new GraphHandler(new EdgeWriter(writer, lineageCache), new GraphReader(clients.reader(), config.cache().lineageNodeLimit()),
            lineageCache),
        new SchemaHandler(new SchemaRegistry(writer, clients.reader())), readiness(clients.l2(), node.hazelcast()));
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(config.http().host())
        .setPort(config.http().port())
        .setCompressionSupported(false)
        .setIdleTimeout(config.http().idleTimeoutMs())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxInitialLineLength(8192)
        .setMaxHeaderSize(16384));
    return vertx.fileSystem().readFile(OPENAPI_DOCUMENT)
        .onSuccess(document -> router.get("/" + OPENAPI_DOCUMENT).handler(ctx -> ctx.response()
            .putHeader(Headers.CONTENT_TYPE, YAML).end(document)))
        .compose(document -> server.requestHandler(requestHandler(reads))
            .invalidRequestHandler(ProblemResponder::invalidRequest).listen());
  }

  @Override
  public Future<?> stop() {
    Future<Void> drained = server == null ? Future.succeededFuture()
        : server.shutdown(config.node().shutdownGraceMs(), TimeUnit.MILLISECONDS);
    return drained.eventually(() -> Future.join(clients.close(), writer.close()));
  }

  /** Near-cache hits are answered before the router, unless reads need a token (the router checks it). */
  private Handler<HttpServerRequest> requestHandler(EntityReadHandler reads) {
    if (config.auth().reads()) {
      return router;
    }
    return request -> {
      if (!reads.answerNearHit(request)) {
        router.handle(request);
      }
    };
  }

  /** Every route served, as {@code METHOD /path/{param}}: what the API document must describe. */
  public List<String> routes() {
    List<String> routes = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      route.methods().forEach(method -> routes.add(method.name() + " " + path));
    }
    return routes;
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private Router router(EntityReadHandler reads, EntityWriteHandler writes, EventLogReader history,
      RouteAdminHandler routes, GraphHandler graph, SchemaHandler schemas, Readiness readiness) {
    EntityHistoryHandler historyHandler = new EntityHistoryHandler(history);
    HealthHandler health = new HealthHandler(readiness);
    EventIngressHandler ingress = new EventIngressHandler(node.kafka(), config.kafka().ingressTopic(), context);
    AccessControl access = new AccessControl(vertx, config.auth());
    RouteChains chains = new RouteChains(
        TimeoutHandler.create(config.http().requestTimeoutMs(), 503),
        BodyHandler.create(false).setBodyLimit(config.http().bodyLimitBytes()),
        access.forReads(),
        node.writeLimiter());
    Handler<RoutingContext> catalogWriters = access.requireScope(Scopes.CATALOG_WRITE);
    Handler<RoutingContext> routeAdmins = access.requireScope(Scopes.ROUTES_ADMIN);

    Router router = Router.router(vertx);
    router.get("/health/live").handler(health::live);
    router.get("/health/ready").handler(health::ready);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(node.registry()));
    // the router tries routes in order, matching a path with parameters by a regular expression: the busiest first
    chains.read(router, EntityReadHandler.ONE_ENTITY_ROUTE, reads::getOne);
    chains.read(router, "/v1/entities", reads::getBatch);
    chains.read(router, "/v1/entities/:id/history", historyHandler::get);
    chains.read(router, "/v1/entities/:id/relationships", graph::relationships);
    chains.read(router, "/v1/entities/:id/lineage", graph::lineage);
    chains.write(router, HttpMethod.PUT, "/v1/entities/:id", catalogWriters, writes::put);
    chains.write(router, HttpMethod.DELETE, "/v1/entities/:id", catalogWriters, writes::delete);
    chains.write(router, HttpMethod.PUT, "/v1/relationships", catalogWriters, graph::putRelationship);
    chains.write(router, HttpMethod.DELETE, "/v1/relationships", catalogWriters, graph::deleteRelationship);
    chains.write(router, HttpMethod.PUT, "/v1/lineage", catalogWriters, graph::putLineage);
    chains.write(router, HttpMethod.DELETE, "/v1/lineage", catalogWriters, graph::deleteLineage);
    chains.write(router, HttpMethod.POST, "/v1/events", access.requireScope(Scopes.EVENTS_PUBLISH), ingress::post);
    chains.read(router, "/v1/schemas", schemas::listSubjects);
    chains.read(router, "/v1/schemas/:subject/versions", schemas::listVersions);
    chains.read(router, "/v1/schemas/:subject/versions/:version", schemas::getVersion);
    chains.write(router, HttpMethod.POST, "/v1/schemas/:subject/versions", catalogWriters, schemas::register);
    chains.read(router, "/v1/routes", routes::list);
    chains.read(router, "/v1/routes/:name", routes::get);
    chains.write(router, HttpMethod.PUT, "/v1/routes/:name", routeAdmins, routes::put);
    chains.write(router, HttpMethod.DELETE, "/v1/routes/:name", routeAdmins, routes::delete);
    router.route().failureHandler(ProblemResponder::handleFailure);
    for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 503}) {
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
        new Check("kafka", false, () -> node.kafkaAdmin().probe(context))),
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
