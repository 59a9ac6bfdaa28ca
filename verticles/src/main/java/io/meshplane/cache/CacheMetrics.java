package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the read path is doing: which tier answered each lookup, cached misses, loads shared by single-flight, reads
 * sent to Redis together.
 */
public final class CacheMetrics {
  private final Map<Tier, Counter> answers = new EnumMap<>(Tier.class);
  private final Counter negativeHits;
  private final DistributionSummary l2ReadBatches;

  public CacheMetrics(MeterRegistry registry, SingleFlight<String, Lookup> singleFlight) {
    for (Tier tier : Tier.values()) {
      answers.put(tier, Counter.builder("meshplane.cache.answers")
          .description("entity lookups, by the tier that answered")
          .tag("tier", tier.name())
          .register(registry));
    }
    negativeHits = Counter.builder("meshplane.cache.negative.hits")
        .description("lookups answered by a cached 'not found' or tombstone")
        .register(registry);
    l2ReadBatches = DistributionSummary.builder("meshplane.cache.l2.read.batch.size")
        .description("single-entity L2 reads sent to Redis together in one MGET")
        .register(registry);
    FunctionCounter.builder("meshplane.cache.singleflight.joins", singleFlight, SingleFlight::joins)
        .description("lookups that joined a load already in flight instead of starting one")
        .register(registry);
  }

  void l2ReadBatch(int keys) {
    l2ReadBatches.record(keys);
  }

  void answered(Lookup lookup) {
    answered(lookup.tier(), lookup.entry());
  }

  void answered(Tier tier, CachedEntity entry) {
    answers.get(tier).increment();
    if (!entry.exists()) {
      negativeHits.increment();
    }
  }
}
