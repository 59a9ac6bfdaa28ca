package io.meshplane.cluster;

import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The executor Hazelcast runs its own callbacks on, such as filling the near cache after a miss. Hazelcast takes the
 * common fork-join pool, but where that pool has fewer than two threads — a JVM that sees one or two CPUs: a small
 * pod, a process pinned to a core — it starts a new thread for every callback instead, one per L1 miss. There a pool
 * of its own takes over, once per JVM, before the first member starts.
 */
final class HazelcastCallbackExecutor {
  private static final int THREADS = 2;
  private static boolean installed;

  private HazelcastCallbackExecutor() {}

  static synchronized void installWhereNeeded() {
    if (installed || ForkJoinPool.getCommonPoolParallelism() >= THREADS) {
      return;
    }
    ConcurrencyUtil.setDefaultAsyncExecutor(new ForkJoinPool(THREADS, pool -> {
      ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      worker.setName("hazelcast-callback-" + worker.getPoolIndex());
      return worker;
    }, null, true));
    installed = true;
  }
}
