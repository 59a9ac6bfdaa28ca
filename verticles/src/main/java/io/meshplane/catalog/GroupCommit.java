package io.meshplane.catalog;

import io.meshplane.schema.AttributeValidators;
import io.micrometer.core.instrument.DistributionSummary;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Group commit of one event loop's upserts. A PUT joins the queue; whenever fewer than {@code maxInFlight}
 * transactions run, what is queued (up to {@code maxBatch}, one upsert per id) is committed as one {@link UpsertBatch}.
 * At low load a PUT commits alone and at once; under load the queue fills while transactions run, so batches grow by
 * themselves and durable throughput rises with no timer to wait on. Each PUT is still answered only after its own
 * commit. Used on its event loop only, so a plain deque and counters do: no locks, no cross-thread hand-off.
 */
final class GroupCommit {
  private final Pool pool;
  private final AttributeValidators validators;
  private final int maxInFlight;
  private final int maxBatch;
  private final DistributionSummary batchSizes;
  private final ArrayDeque<PendingUpsert> queue = new ArrayDeque<>();
  private int inFlight;

  GroupCommit(Pool pool, AttributeValidators validators, int maxInFlight, int maxBatch,
      DistributionSummary batchSizes) {
    this.pool = pool;
    this.validators = validators;
    this.maxInFlight = maxInFlight;
    this.maxBatch = maxBatch;
    this.batchSizes = batchSizes;
  }

  Future<WriteResult> submit(String id, EntityInput input, Preconditions preconditions, Origin origin) {
    ContextInternal context = ContextInternal.current();
    Promise<WriteResult> result = context == null ? Promise.promise() : context.promise();
    queue.add(new PendingUpsert(id, input, preconditions, origin, result));
    drain();
    return result.future();
  }

  private void drain() {
    while (inFlight < maxInFlight && !queue.isEmpty()) {
      List<PendingUpsert> batch = nextBatch();
      inFlight++;
      batchSizes.record(batch.size());
      commit(batch).onComplete(done -> {
        inFlight--;
        drain();
      });
    }
  }

  /** The oldest queued upserts, one per id: a later upsert of the same id waits for the next batch, keeping order. */
  private List<PendingUpsert> nextBatch() {
    List<PendingUpsert> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
    Set<String> ids = new HashSet<>();
    for (Iterator<PendingUpsert> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch; ) {
      PendingUpsert upsert = it.next();
      if (ids.add(upsert.id())) {
        batch.add(upsert);
        it.remove();
      }
    }
    return batch;
  }

  /** Never fails: every upsert of the batch is settled, with its outcome or the error that stopped it. */
  private Future<Void> commit(List<PendingUpsert> batch) {
    UpsertBatch transaction = new UpsertBatch(batch, validators);
    return pool.withTransaction(transaction::run)
        .onSuccess(committed -> transaction.settle())
        .recover(failure -> {
          if (batch.size() > 1 && failure instanceof PgException) {
            // the statement of one upsert rolled back all of them: commit each alone, so only that one fails
            return Future.join(batch.stream().map(upsert -> commit(List.of(upsert))).toList()).mapEmpty();
          }
          batch.forEach(upsert -> upsert.result().tryFail(failure));
          return Future.succeededFuture();
        });
  }
}
