package io.meshplane.graph;

import com.hazelcast.map.IMap;
import io.meshplane.catalog.GraphChanges;
import io.meshplane.cluster.HazelcastFutures;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lineage answers kept in a clustered Hazelcast map (async API only), each stamped with the lineage epoch it was
 * computed at. Every edge change bumps the epoch — one shared counter in the same map — so one increment invalidates
 * every cached answer on every node at once; stale entries simply expire.
 */
public final class LineageCache implements GraphChanges {
  public static final String MAP = "mp-lineage";
  private static final String EPOCH = "epoch";
  private static final long TTL_SECONDS = 300;

  private final IMap<String, byte[]> map;
  private final Context context;

  public LineageCache(IMap<String, byte[]> map, Context context) {
    this.map = map;
    this.context = context;
  }

  /** The cached answer for {@code key} if computed at the current epoch, else {@code load}'s, which is then cached. */
  public Future<Answer> get(String key, Supplier<Future<JsonObject>> load) {
    return epoch().compose(epoch -> HazelcastFutures.onContext(map.getAsync(key), context).compose(cached -> {
      if (cached != null && ByteBuffer.wrap(cached).getLong() == epoch) {
        return Future.succeededFuture(new Answer(
            Buffer.buffer(cached).slice(Long.BYTES, cached.length).toJsonObject(), true));
      }
      return load.get().compose(answer -> {
        byte[] json = answer.toBuffer().getBytes();
        byte[] stamped = ByteBuffer.allocate(Long.BYTES + json.length).putLong(epoch).put(json).array();
        return HazelcastFutures.onContext(map.setAsync(key, stamped, TTL_SECONDS, TimeUnit.SECONDS), context)
            .map(new Answer(answer, false));
      });
    }));
  }

  /** Called after every committed change of the lineage graph. */
  @Override
  public Future<Void> changed() {
    return HazelcastFutures.onContext(map.submitToKey(EPOCH, new EpochIncrement()), context).mapEmpty();
  }

  private Future<Long> epoch() {
    return HazelcastFutures.onContext(map.getAsync(EPOCH), context)
        .map(value -> value == null ? 0L : ByteBuffer.wrap(value).getLong());
  }

  /** An answer and whether it came from the cache. */
  public record Answer(JsonObject graph, boolean cached) {}
}
