package io.meshplane.cache;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cluster.HazelcastMember;
import io.meshplane.config.MeshplaneConfig;
import io.meshplane.storage.PgClients;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.SqlClient;

/**
 * The read-path clients one verticle instance owns — a pipelined PostgreSQL connection and a Redis client — and the
 * tiered cache built on them and the node's shared Hazelcast map and single-flight table.
 */
public record CacheClients(SqlClient reader, Redis redis, L2EntityCache l2, TieredEntityCache cache) {

  public static CacheClients open(Vertx vertx, Context context, MeshplaneConfig config, HazelcastInstance hazelcast,
      SingleFlight<String, Lookup> singleFlight, CacheMetrics metrics) {
    SqlClient reader = PgClients.pipelinedReader(vertx, config.pg());
    Redis redis = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(config.redis().url())
        .setMaxPoolSize(config.redis().poolSize())
        .setMaxPoolWaiting(4096));
    L2EntityCache l2 = new L2EntityCache(redis, config.redis());
    L1EntityCache l1 = new L1EntityCache(hazelcast.getMap(HazelcastMember.ENTITY_MAP), context);
    TieredEntityCache cache = new TieredEntityCache(l1, l2, new PgEntitySource(reader), singleFlight, context,
        config.cache(), metrics);
    return new CacheClients(reader, redis, l2, cache);
  }

  public Future<Void> close() {
    redis.close();
    return reader.close();
  }
}
