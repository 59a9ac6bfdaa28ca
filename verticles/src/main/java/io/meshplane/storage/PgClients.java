package io.meshplane.storage;

import io.meshplane.config.PgConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.concurrent.TimeUnit;

/**
 * Builds the PostgreSQL clients of one verticle instance: a pipelined client for reads (one connection, many queries
 * in flight, as the fastest Vert.x servers do) and a small pool for transactional writes.
 */
public final class PgClients {
  private PgClients() {}

  public static SqlClient pipelinedReader(Vertx vertx, PgConfig pg) {
    return PgBuilder.client()
        .with(new PoolOptions().setMaxSize(1))
        .with(transport(pg))
        .connectingTo(connectOptions(pg))
        .using(vertx)
        .build();
  }

  public static Pool writerPool(Vertx vertx, PgConfig pg) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(pg.writePoolSize()).setMaxWaitQueueSize(4096)
            .setConnectionTimeout(pg.connectTimeoutMs()).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(transport(pg))
        .connectingTo(connectOptions(pg))
        .using(vertx)
        .build();
  }

  /** A single connection of its own, for what must live on one session (advisory locks). */
  public static Future<PgConnection> connect(Vertx vertx, PgConfig pg) {
    return PgConnection.connect(vertx, connectOptions(pg));
  }

  private static NetClientOptions transport(PgConfig pg) {
    return new NetClientOptions().setConnectTimeout(pg.connectTimeoutMs()).setTcpNoDelay(true);
  }

  private static PgConnectOptions connectOptions(PgConfig pg) {
    return new PgConnectOptions()
        .setHost(pg.host())
        .setPort(pg.port())
        .setDatabase(pg.database())
        .setUser(pg.user())
        .setPassword(pg.password())
        .setPipeliningLimit(pg.pipeliningLimit())
        .setCachePreparedStatements(true)
        .addProperty("application_name", "meshplane")
        .addProperty("statement_timeout", Integer.toString(pg.statementTimeoutMs()))
        // JIT compilation costs more than it saves on short OLTP statements (seconds, for the recursive lineage walk)
        .addProperty("jit", "off")
        // every statement of the node reads by key; a plan cached while a table was a few pages (a sequential scan)
        // would otherwise be kept as the table grows, until an ANALYZE that autovacuum may run late or never
        .addProperty("enable_seqscan", "off");
  }
}
