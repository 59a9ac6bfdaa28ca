package io.meshplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.cache.L1EntityCache;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.testing.Await;
import io.meshplane.testing.NodeFixture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hazelcast's async results reach the event loop directly. Hazelcast's default executor for callbacks starts a thread
 * per callback where the common fork-join pool has fewer than two threads — as on this two-CPU machine, or in a pod
 * limited to one or two CPUs — which cost a thread start per cache write and per L1 miss.
 */
class HazelcastCallbacksIT {
  private static NodeFixture fixture;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    if (vertx != null) {
      Await.result(vertx.close());
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void l1ReadsAndWritesCompleteOnTheEventLoopWithoutStartingAThreadEach() {
    Context context = vertx.getOrCreateContext();
    L1EntityCache l1 = new L1EntityCache(fixture.node().l1(), context);
    Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
    roundTrips(l1, context, "warm", 20, callbackThreads); // Hazelcast starts some threads of its own lazily
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startedBefore = threads.getTotalStartedThreadCount();

    roundTrips(l1, context, "counted", 300, callbackThreads);

    assertThat(threads.getTotalStartedThreadCount() - startedBefore)
        .as("threads started for 300 writes and 300 reads").isLessThan(20);
    assertThat(callbackThreads).allSatisfy(name -> assertThat(name).startsWith("vert.x-eventloop-thread-"));
  }

  /** {@code n} L1 writes, then {@code n} reads of ids nobody wrote (misses go to the map), started on the context. */
  private static void roundTrips(L1EntityCache l1, Context context, String prefix, int n, Set<String> threads) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(ignored -> {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        calls.add(l1.offer("urn:callbacks:" + prefix + i, CachedEntity.tombstone(1), 0)
            .onSuccess(stored -> threads.add(Thread.currentThread().getName())));
        calls.add(l1.get("urn:callbacks:never-" + prefix + i)
            .onSuccess(missing -> threads.add(Thread.currentThread().getName())));
      }
      Future.all(calls).<Void>mapEmpty().onComplete(done);
    });
    Await.result(done.future());
  }
}
