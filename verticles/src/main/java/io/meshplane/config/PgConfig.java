package io.meshplane.config;

/** PostgreSQL, the source of truth (L3). */
public record PgConfig(
    String host,
    int port,
    String database,
    String user,
    String password,
    int writePoolSize,
    int writeBatchMax,
    int pipeliningLimit,
    int connectTimeoutMs,
    int statementTimeoutMs) {

  static PgConfig from(ConfigValues v) {
    return new PgConfig(
        v.nonBlank("pg.host"),
        v.integer("pg.port", 1, 65535),
        v.nonBlank("pg.database"),
        v.nonBlank("pg.user"),
        v.string("pg.password"),
        v.integer("pg.write-pool-size", 1, 256),
        v.integer("pg.write-batch-max", 1, 4096),
        v.integer("pg.pipelining-limit", 1, 4096),
        v.integer("pg.connect-timeout-ms", 1, 600_000),
        v.integer("pg.statement-timeout-ms", 1, 600_000));
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PgConfig[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
