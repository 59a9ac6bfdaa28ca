package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** How the read path is doing: which tier answered each lookup, cached misses, loads shared by single-flight. */
public final class CacheMetrics {
  private final Map<Tier, Counter> answers = new EnumMap<>(Tier.class);
  private final Counter negativeHits;

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
    FunctionCounter.builder("meshplane.cache.singleflight.joins", singleFlight, SingleFlight::joins)
        .description("lookups that joined a load already in flight instead of starting one")
        .register(registry);
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
