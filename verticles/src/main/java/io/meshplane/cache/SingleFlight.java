package io.meshplane.cache;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Shares one load among concurrent callers for the same key, across all event loops of the node. The first caller
 * runs the load; the others join it and get the result on their own context.
 */
public final class SingleFlight<K, V> {
  private final ConcurrentMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();
  private final LongAdder joins = new LongAdder();

  public Future<V> run(K key, Context context, Supplier<Future<V>> load) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> existing = inFlight.putIfAbsent(key, mine);
    if (existing != null) {
      joins.increment();
      return Future.fromCompletionStage(existing, context);
    }
    Future<V> loading;
    try {
      loading = load.get();
    } catch (RuntimeException e) {
      loading = Future.failedFuture(e);
    }
    return loading.andThen(result -> {
      inFlight.remove(key, mine);
      if (result.succeeded()) {
        mine.complete(result.result());
      } else {
        mine.completeExceptionally(result.cause());
      }
    });
  }

  /** How many callers joined a load instead of starting one. */
  public long joins() {
    return joins.sum();
  }

  int inFlight() {
    return inFlight.size();
  }
}
