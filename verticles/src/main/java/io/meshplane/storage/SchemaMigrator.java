package io.meshplane.storage;

import io.meshplane.config.PgConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the database schema up to date with Flyway. JDBC blocks, so it runs on a worker thread. */
public final class SchemaMigrator {
  private SchemaMigrator() {}

  public static Future<MigrateResult> migrate(Vertx vertx, PgConfig pg) {
    return vertx.executeBlocking(() -> Flyway.configure()
        .dataSource(pg.jdbcUrl(), pg.user(), pg.password())
        .locations("classpath:db/migration")
        .connectRetries(0)
        .load()
        .migrate());
  }
}
