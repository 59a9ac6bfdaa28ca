package io.meshplane.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Hazelcast's async results as Vert.x futures completed on an event loop. A callback registered without an executor
 * runs on Hazelcast's callback pool ({@link HazelcastCallbackExecutor}) and would hop from there to the event loop;
 * handed straight to the event loop, each completion costs one thread hand-off less.
 */
public final class HazelcastFutures {
  private HazelcastFutures() {}

  public static <T> Future<T> onContext(CompletionStage<T> stage, Context context) {
    Promise<T> promise = Promise.promise();
    Executor eventLoop = task -> context.runOnContext(ignored -> task.run());
    stage.whenCompleteAsync((value, failure) -> {
      if (failure == null) {
        promise.complete(value);
      } else {
        promise.fail(failure);
      }
    }, eventLoop);
    return promise.future();
  }
}
