package io.meshplane.cache;

import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.map.IMap;
import com.hazelcast.map.impl.proxy.NearCachedMapProxyImpl;
import io.meshplane.cluster.HazelcastFutures;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.codecs.entity.CachedEntityCodec;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;

/**
 * L1: the clustered Hazelcast map with its near cache, used only through the async API. A near-cache hit completes
 * at once with the decoded entry the near cache holds ({@link CachedEntitySerializer}), so it is answered without
 * leaving the event loop and without decoding.
 */
public final class L1EntityCache {
  private final IMap<String, CachedEntity> map;
  private final NearCache<Object, Object> nearCache;
  private final Context context;

  public L1EntityCache(IMap<String, CachedEntity> map, Context context) {
    this.map = map;
    // the member's own near cache, read in place on the hot path (null if the map is configured without one)
    this.nearCache = map instanceof NearCachedMapProxyImpl<?, ?> proxy ? proxy.getNearCache() : null;
    this.context = context;
  }

  /**
   * The entry this member's near cache holds for {@code id}, or null: the same lookup {@link #get} starts with, but
   * answered in place, without the futures of the async API.
   */
  public CachedEntity nearCached(String id) {
    return nearCache != null && nearCache.get(id) instanceof CachedEntity held ? held : null;
  }

  /** The entry held for {@code id}, or null when L1 has none. */
  public Future<CachedEntity> get(String id) {
    CompletableFuture<CachedEntity> pending = map.getAsync(id).toCompletableFuture();
    if (pending.isDone() && !pending.isCompletedExceptionally()) {
      return Future.succeededFuture(pending.getNow(null));
    }
    return HazelcastFutures.onContext(pending, context);
  }

  /** Stores {@code entry} unless L1 already holds a newer version. */
  public Future<Boolean> offer(String id, CachedEntity entry, long ttlMillis) {
    return HazelcastFutures.onContext(
        map.submitToKey(id, new VersionGuardedPut(CachedEntityCodec.encode(entry), ttlMillis)), context);
  }
}
