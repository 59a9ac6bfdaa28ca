package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The L2 reads of one event loop, sent together: the reads asked for during one turn of the loop (the requests read
 * from every ready connection) go to Redis as one MGET when the turn ends. Under load that is one round trip, one
 * pooled connection and one reply to parse for many reads; alone, a read waits only for the end of the current turn.
 * Used on its event loop only, so it needs no locks.
 */
final class L2ReadCoalescer {
  /** Most keys one MGET asks for: beyond it a new one starts, so no reply grows without bound. */
  static final int MAX_KEYS = 128;

  private final L2EntityCache l2;
  private final Context context;
  private final IntConsumer batchSizes;
  private List<String> ids = new ArrayList<>();
  private List<Promise<CachedEntity>> waiting = new ArrayList<>();

  L2ReadCoalescer(L2EntityCache l2, Context context, IntConsumer batchSizes) {
    this.l2 = l2;
    this.context = context;
    this.batchSizes = batchSizes;
  }

  /** The entry Redis holds for {@code id} (null on a miss); fails as the MGET it went out with fails. */
  Future<CachedEntity> get(String id) {
    if (ids.isEmpty()) {
      context.runOnContext(endOfTurn -> send());
    }
    Promise<CachedEntity> entry = Promise.promise();
    ids.add(id);
    waiting.add(entry);
    if (ids.size() == MAX_KEYS) {
      send();
    }
    return entry.future();
  }

  private void send() {
    if (ids.isEmpty()) {
      return;
    }
    List<String> keys = ids;
    List<Promise<CachedEntity>> answers = waiting;
    ids = new ArrayList<>();
    waiting = new ArrayList<>();
    batchSizes.accept(keys.size());
    l2.getAll(keys).onComplete(result -> {
      for (int i = 0; i < answers.size(); i++) {
        if (result.succeeded()) {
          answers.get(i).complete(result.result().get(i));
        } else {
          answers.get(i).fail(result.cause());
        }
      }
    });
  }
}
