package io.meshplane.config;

/** The whole validated configuration of one node. */
public record MeshplaneConfig(
    NodeConfig node,
    HttpConfig http,
    PgConfig pg,
    RedisConfig redis,
    HazelcastConfig hazelcast,
    CacheConfig cache,
    KafkaConfig kafka,
    OutboxConfig outbox,
    RouterConfig router,
    AuthConfig auth) {

  static MeshplaneConfig from(ConfigValues values) {
    return new MeshplaneConfig(
        NodeConfig.from(values),
        HttpConfig.from(values),
        PgConfig.from(values),
        RedisConfig.from(values),
        HazelcastConfig.from(values),
        CacheConfig.from(values),
        KafkaConfig.from(values),
        OutboxConfig.from(values),
        RouterConfig.from(values),
        AuthConfig.from(values));
  }
}
