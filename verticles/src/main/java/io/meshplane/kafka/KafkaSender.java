package io.meshplane.kafka;

import io.meshplane.config.KafkaConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A durable, idempotent Kafka producer. {@code KafkaProducer.send} may block (waiting for topic metadata or buffer
 * space), so every send is handed to one dedicated thread; being one thread, it keeps the order of sends, and the
 * idempotent producer keeps that order per partition on the broker. Results come back on the caller's context.
 *
 * <p>The idempotent producer keeps order only among the records it delivers: once a batch failed (delivery timeout,
 * a record the broker refuses), it moves on and later batches of the same partition may still be delivered. A
 * {@linkplain #failFast fail-fast} sender closes its producer at once, on the producer's own thread, when a send fails,
 * so no record sent after the failed one can be delivered; every later send fails, and the caller starts over with a
 * new sender from its first unacknowledged record.
 */
public final class KafkaSender implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<byte[], byte[]> producer;
  private final ExecutorService sendThread;
  private final boolean failFast;
  private final AtomicBoolean aborted = new AtomicBoolean();

  private KafkaSender(KafkaProducer<byte[], byte[]> producer, String clientId, boolean failFast) {
    this.producer = producer;
    this.failFast = failFast;
    this.sendThread = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, clientId + "-send");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The node's shared sender: a failed send affects only its own record. Blocks briefly: call on a worker. */
  public static KafkaSender create(KafkaConfig config, String clientId) {
    return create(config, clientId, false);
  }

  /** A sender for a stream whose order matters more than its progress: the first failed send ends it. */
  public static KafkaSender failFast(KafkaConfig config, String clientId) {
    return create(config, clientId, true);
  }

  private static KafkaSender create(KafkaConfig config, String clientId, boolean failFast) {
    Map<String, Object> settings = KafkaClientSettings.producer(config.bootstrap(), clientId,
        config.deliveryTimeoutMs());
    return new KafkaSender(new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer()),
        clientId, failFast);
  }

  /** Completes, on {@code context}, once the broker acknowledged the record (all in-sync replicas). */
  public Future<RecordMetadata> send(Context context, ProducerRecord<byte[], byte[]> record) {
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    try {
      sendThread.execute(() -> {
        try {
          producer.send(record, (metadata, error) -> {
            if (error == null) {
              acked.complete(metadata);
            } else {
              abortIfFailFast();
              acked.completeExceptionally(error);
            }
          });
        } catch (RuntimeException e) {
          abortIfFailFast();
          acked.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      acked.completeExceptionally(new IllegalStateException("the Kafka sender is closed", e));
    }
    return Future.fromCompletionStage(acked, context);
  }

  /** True once a fail-fast sender stopped after a failed send: it delivers nothing more; close it. */
  public boolean aborted() {
    return aborted.get();
  }

  private void abortIfFailFast() {
    if (failFast && aborted.compareAndSet(false, true)) {
      // on the producer's I/O thread (a failed batch), a zero-timeout close makes that thread abort every batch not
      // yet on the wire before it drains another, so nothing sent after the failed record is sent or retried; on the
      // send thread (a send refused at once) it does the same and waits for the I/O thread to end
      producer.close(Duration.ZERO);
    }
  }

  /** Sends what is queued, waits (bounded) for the broker's acknowledgements, then closes. Blocks: call on a worker. */
  @Override
  public void close() {
    sendThread.shutdown();
    try {
      sendThread.awaitTermination(CLOSE_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(CLOSE_TIMEOUT);
  }
}
