package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.config.CacheConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read path of one event loop. A lookup tries L1, then (once per key per node, however many ask at once) L2 and
 * L3; whatever a lower tier answers fills the tiers above it, version-guarded. Single reads from L2 are coalesced
 * into one MGET per turn of the event loop ({@link L2ReadCoalescer}). A failing L1 or L2 is skipped, never
 * fatal: PostgreSQL alone can answer every read.
 */
public final class TieredEntityCache {
  private static final Logger LOG = LoggerFactory.getLogger(TieredEntityCache.class);

  private final L1EntityCache l1;
  private final L2EntityCache l2;
  private final L2ReadCoalescer l2Reads;
  private final EntitySource l3;
  private final SingleFlight<String, Lookup> singleFlight;
  private final Context context;
  private final long negativeTtlMs;
  private final long l2TtlMs;
  private final CacheMetrics metrics;
  private final L2Repairs l2Repairs;
  private final boolean readsL1;
  private final boolean readsL2;

  public TieredEntityCache(L1EntityCache l1, L2EntityCache l2, EntitySource l3,
      SingleFlight<String, Lookup> singleFlight, Context context, CacheConfig config, CacheMetrics metrics) {
    this.l1 = l1;
    this.l2 = l2;
    this.l2Reads = new L2ReadCoalescer(l2, context, metrics::l2ReadBatch);
    this.l3 = l3;
    this.singleFlight = singleFlight;
    this.context = context;
    this.negativeTtlMs = config.negativeTtlMs();
    this.l2TtlMs = config.l2TtlSeconds() * 1000L;
    this.metrics = metrics;
    this.l2Repairs = new L2Repairs(context, this::offerL2);
    this.readsL1 = config.readsL1();
    this.readsL2 = config.readsL2();
  }

  /**
   * The answer of this member's near cache, or null when it holds none for {@code id}: the hot path's first step,
   * taken with no future, no copy and nothing to decode. A caller that gets null goes on with {@link #get}.
   */
  public CachedEntity nearHit(String id) {
    return counted(readsL1 ? l1.nearCached(id) : null);
  }

  /** As {@link #nearHit}, but only an entity that exists: a held "not found" is left for {@link #nearHit}. */
  public CachedEntity nearHitIfPresent(String id) {
    CachedEntity held = readsL1 ? l1.nearCached(id) : null;
    return counted(held != null && held.exists() ? held : null);
  }

  private CachedEntity counted(CachedEntity nearHit) {
    if (nearHit != null) {
      metrics.answered(Tier.L1, nearHit);
    }
    return nearHit;
  }

  public Future<Lookup> get(String id) {
    return l1Get(id).compose(hit -> hit != null
        ? Future.succeededFuture(new Lookup(hit, Tier.L1))
        : singleFlight.run(id, context, () -> loadBelowL1(id)))
        .onSuccess(metrics::answered);
  }

  /** Looks up many ids with one call per tier; the result keeps the order of {@code ids}. */
  public Future<Map<String, Lookup>> getAll(List<String> ids) {
    Map<String, Lookup> found = new LinkedHashMap<>();
    List<Future<CachedEntity>> l1Gets = ids.stream().map(this::l1Get).toList();
    return Future.join(l1Gets).transform(ignored -> {
      List<String> l1Misses = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        CachedEntity hit = l1Gets.get(i).result();
        found.put(ids.get(i), hit == null ? null : new Lookup(hit, Tier.L1));
        if (hit == null) {
          l1Misses.add(ids.get(i));
        }
      }
      return l1Misses.isEmpty() ? Future.succeededFuture(found) : loadAllBelowL1(l1Misses, found);
    }).onSuccess(lookups -> lookups.values().forEach(metrics::answered));
  }

  /**
   * Called by the write path after a commit: moves L1 and L2 to the committed version. L1 is awaited, so the writer's
   * next read on this node sees its write; L2 is best effort (a down Redis does not fail a committed write), and an
   * L2 update that failed is made again once Redis answers ({@link L2Repairs}), so Redis never keeps serving the
   * version before the write. When reads skip L1, L2 is awaited too: it is then the tier the writer reads next.
   */
  public Future<Void> publish(String id, CachedEntity entry) {
    Future<Void> toL1 = l1.offer(id, entry, l1Ttl(entry)).<Void>mapEmpty().recover(e -> {
      LOG.warn("L1 update of {} failed: {}", id, e.toString());
      return Future.succeededFuture();
    });
    Future<Void> toL2 = offerL2(id, entry).onFailure(e -> l2Repairs.remember(id, entry))
        .recover(e -> Future.succeededFuture());
    return readsL1 ? toL1 : Future.all(toL1, toL2).mapEmpty();
  }

  private Future<Lookup> loadBelowL1(String id) {
    return l2Get(id).compose(hit -> {
      if (hit != null) {
        return fillL1(id, hit).map(new Lookup(hit, Tier.L2));
      }
      return l3.load(id).compose(loaded -> Future.join(fillL2(id, loaded), fillL1(id, loaded))
          .map(new Lookup(loaded, Tier.L3)));
    });
  }

  private Future<Map<String, Lookup>> loadAllBelowL1(List<String> ids, Map<String, Lookup> found) {
    Future<List<CachedEntity>> l2Gets = readsL2 ? l2.getAll(ids) : Future.succeededFuture(null);
    return l2Gets.recover(e -> {
      LOG.debug("L2 batch read skipped: {}", e.toString());
      return Future.succeededFuture(null);
    }).compose(l2Hits -> {
      List<String> l2Misses = new ArrayList<>();
      List<Future<Void>> fills = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        CachedEntity hit = l2Hits == null ? null : l2Hits.get(i);
        if (hit == null) {
          l2Misses.add(ids.get(i));
        } else {
          found.put(ids.get(i), new Lookup(hit, Tier.L2));
          fills.add(fillL1(ids.get(i), hit));
        }
      }
      if (l2Misses.isEmpty()) {
        return Future.join(fills).map(found);
      }
      return l3.loadAll(l2Misses).compose(loaded -> {
        loaded.forEach((id, entry) -> {
          found.put(id, new Lookup(entry, Tier.L3));
          fills.add(fillL2(id, entry));
          fills.add(fillL1(id, entry));
        });
        return Future.join(fills).map(found);
      });
    });
  }

  private Future<CachedEntity> l1Get(String id) {
    if (!readsL1) {
      return Future.succeededFuture(null);
    }
    return l1.get(id).recover(e -> {
      LOG.warn("L1 read of {} failed, going on without it: {}", id, e.toString());
      return Future.succeededFuture(null);
    });
  }

  private Future<CachedEntity> l2Get(String id) {
    if (!readsL2) {
      return Future.succeededFuture(null);
    }
    return l2Reads.get(id).recover(e -> {
      LOG.debug("L2 read of {} skipped: {}", id, e.toString());
      return Future.succeededFuture(null);
    });
  }

  /** Fills never fail a read: the answer is already known, the fill only speeds up the next one. */
  private Future<Void> fillL1(String id, CachedEntity entry) {
    if (!readsL1) {
      return Future.succeededFuture();
    }
    return l1.offer(id, entry, l1Ttl(entry)).<Void>mapEmpty().recover(e -> {
      LOG.warn("L1 fill of {} failed: {}", id, e.toString());
      return Future.succeededFuture();
    });
  }

  /** Bounded by the Redis timeout and never failing: a down Redis costs a miss at most that long. */
  private Future<Void> fillL2(String id, CachedEntity entry) {
    if (!readsL2) {
      return Future.succeededFuture();
    }
    return offerL2(id, entry).recover(e -> {
      LOG.debug("L2 update of {} skipped: {}", id, e.toString());
      return Future.succeededFuture();
    });
  }

  private Future<Void> offerL2(String id, CachedEntity entry) {
    return l2.offer(id, entry, entry.version() == 0 ? negativeTtlMs : l2TtlMs).mapEmpty();
  }

  /** Unknown ids are remembered briefly; entities and tombstones stay until evicted or replaced. */
  private long l1Ttl(CachedEntity entry) {
    return entry.version() == 0 ? negativeTtlMs : 0;
  }
}
