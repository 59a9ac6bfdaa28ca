package io.meshplane.benchmarks;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The queue of waiting upserts in group commit: 64 upserts queued, then drained into a batch. Group commit keeps one
 * queue per event loop, touched by that loop only, so a plain {@link ArrayDeque} will do; the multi-producer queues
 * (JCTools' MPSC array queues, the JDK's lock-free linked queue) are what a node-wide queue fed from every loop
 * would need, and this says what that safety costs before any contention.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GroupCommitQueueBenchmark {
  private static final int BATCH = 64;

  @Param({"ArrayDeque", "MpscArrayQueue", "MpscUnboundedArrayQueue", "ConcurrentLinkedQueue"})
  public String queueType;

  private Queue<Object> queue;
  private final Object upsert = new Object();

  @Setup
  public void create() {
    queue = switch (queueType) {
      case "ArrayDeque" -> new ArrayDeque<>(1024);
      case "MpscArrayQueue" -> new MpscArrayQueue<>(1024);
      case "MpscUnboundedArrayQueue" -> new MpscUnboundedArrayQueue<>(1024);
      case "ConcurrentLinkedQueue" -> new ConcurrentLinkedQueue<>();
      default -> throw new IllegalArgumentException(queueType);
    };
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void queueThenDrain(Blackhole blackhole) {
    for (int i = 0; i < BATCH; i++) {
      queue.offer(upsert);
    }
    Object next;
    while ((next = queue.poll()) != null) {
      blackhole.consume(next);
    }
  }
}
