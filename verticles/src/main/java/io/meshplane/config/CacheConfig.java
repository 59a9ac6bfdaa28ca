package io.meshplane.config;

/**
 * Sizes and lifetimes of the cache tiers, which tiers reads consult, and the bound on a lineage answer.
 * {@code readsL1}/{@code readsL2} false make reads skip that tier (writes still update it): for measuring the tiers
 * below it, or ruling one out while diagnosing.
 */
public record CacheConfig(int l1MaxEntries, int l2TtlSeconds, int negativeTtlMs, int lineageNodeLimit,
    int warmupEntries, boolean readsL1, boolean readsL2) {

  static CacheConfig from(ConfigValues v) {
    return new CacheConfig(
        v.integer("cache.l1-max-entries", 1, Integer.MAX_VALUE),
        v.integer("cache.l2-ttl-seconds", 1, 30 * 24 * 3600),
        v.integer("cache.negative-ttl-ms", 1, 3_600_000),
        v.integer("graph.lineage-node-limit", 1, 1_000_000),
        v.integer("cache.warmup-entries", 0, 10_000_000),
        v.bool("cache.l1-reads"),
        v.bool("cache.l2-reads"));
  }
}
