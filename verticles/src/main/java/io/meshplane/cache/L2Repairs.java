package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed writes whose Redis update failed (Redis unreachable, or too slow): without a repair, Redis would go on
 * holding the version before the write and answer it as soon as L1 lost the entry. They are offered again every
 * second until Redis takes them; the offer is version-guarded, so a repair never moves an entry backwards. Used on
 * its event loop only. Bounded: past {@code MAX_PENDING} the oldest are dropped (and said so), and a node that
 * stops loses its list; what is left then expires with {@code cache.l2-ttl-seconds}.
 */
final class L2Repairs {
  private static final int MAX_PENDING = 100_000;
  /** Offers per retry, oldest first: a long outage is made up for over several seconds, not in one burst. */
  private static final int PER_ROUND = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(L2Repairs.class);
  private static final long RETRY_MS = 1000;

  private final Context context;
  private final BiFunction<String, CachedEntity, Future<Void>> offer;
  private final Map<String, CachedEntity> pending = new LinkedHashMap<>();
  private boolean scheduled;

  L2Repairs(Context context, BiFunction<String, CachedEntity, Future<Void>> offer) {
    this.context = context;
    this.offer = offer;
  }

  void remember(String id, CachedEntity entry) {
    CachedEntity known = pending.get(id);
    if (known == null || entry.supersedes(known)) {
      pending.put(id, entry);
    }
    if (pending.size() > MAX_PENDING) {
      String dropped = pending.keySet().iterator().next();
      pending.remove(dropped);
      LOG.warn("more than {} Redis updates wait for Redis; {} is left to expire there", MAX_PENDING, dropped);
    }
    if (!scheduled) {
      scheduled = true;
      LOG.warn("Redis missed the update of {}; it is retried every {} ms until Redis takes it", id, RETRY_MS);
      context.owner().setTimer(RETRY_MS, timer -> retry());
    }
  }

  private void retry() {
    List<Future<Void>> offers = new ArrayList<>(Math.min(pending.size(), PER_ROUND));
    for (Map.Entry<String, CachedEntity> repair : pending.entrySet().stream().limit(PER_ROUND).toList()) {
      offers.add(offer.apply(repair.getKey(), repair.getValue())
          .onSuccess(taken -> pending.remove(repair.getKey(), repair.getValue())));
    }
    Future.join(offers).onComplete(done -> {
      if (pending.isEmpty()) {
        scheduled = false;
        LOG.info("Redis has every update it missed");
      } else {
        context.owner().setTimer(RETRY_MS, timer -> retry());
      }
    });
  }
}
