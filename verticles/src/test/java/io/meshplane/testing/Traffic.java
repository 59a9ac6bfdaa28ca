package io.meshplane.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Requests sent in a loop from a few threads, each to the next node in turn, until stopped. A request that was not
 * acknowledged (a node that is down refuses at once) is followed by a short pause rather than a tight retry loop; one
 * that is never answered is given up after a bound.
 */
public final class Traffic implements AutoCloseable {
  private static final long PAUSE_AFTER_FAILURE_MS = 20;
  // longer than a node's own request timeout (10 s), so a node that cannot answer in time says so with a 503 first
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private volatile boolean running = true;

  private Traffic() {}

  /** {@code request} sends one request to the node it is given and says whether the node acknowledged it. */
  public static Traffic start(String name, int threadCount, Supplier<List<NodeProcess>> nodes,
      Predicate<Http> request) {
    Traffic traffic = new Traffic();
    for (int i = 0; i < threadCount; i++) {
      Thread thread = new Thread(() -> traffic.run(nodes, request), name + "-" + i);
      thread.setDaemon(true);
      traffic.threads.add(thread);
      thread.start();
    }
    return traffic;
  }

  /** How many requests were sent so far, acknowledged or not. */
  public long sent() {
    return sent.get();
  }

  /** Stops sending and waits for the requests in flight. */
  public void stop() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  private void run(Supplier<List<NodeProcess>> nodes, Predicate<Http> request) {
    while (running) {
      List<NodeProcess> targets = nodes.get();
      NodeProcess node = targets.get((int) (sent.getAndIncrement() % targets.size()));
      if (!request.test(node.http().withTimeout(REQUEST_TIMEOUT))) {
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_AFTER_FAILURE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
