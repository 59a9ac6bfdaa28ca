package io.meshplane.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Proves the guard that every test class relies on can actually see a blocked event loop. */
class BlockedThreadGuardTest {

  @Test
  void reportsAnEventLoopThatBlocks() throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
        .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
    CountDownLatch unblocked = new CountDownLatch(1);
    vertx.runOnContext(v -> {
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      unblocked.countDown();
    });
    assertThat(unblocked.await(10, TimeUnit.SECONDS)).isTrue();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    // drained here, so the guard itself does not fail this class afterwards
    assertThat(BlockedThreadGuard.drain()).anyMatch(report -> report.contains("has been blocked"));
  }
}
