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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A durable, idempotent Kafka producer for the whole node. {@code KafkaProducer.send} may block (waiting for topic
 * metadata or buffer space), so every send is handed to one dedicated thread; being one thread, it keeps the order
 * of sends, and the idempotent producer keeps that order per partition on the broker. Results come back on the
 * caller's context.
 */
public final class KafkaSender implements AutoCloseable {
  private static final int LINGER_MS = 5;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<byte[], byte[]> producer;
  private final ExecutorService sendThread;

  private KafkaSender(KafkaProducer<byte[], byte[]> producer, String clientId) {
    this.producer = producer;
    this.sendThread = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, clientId + "-send");
      thread.setDaemon(true);
      return thread;
    });
  }

  public static KafkaSender create(KafkaConfig config, String clientId) {
    int requestTimeout = Math.min(15_000, config.deliveryTimeoutMs() - LINGER_MS);
    Map<String, Object> settings = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap(),
        ProducerConfig.CLIENT_ID_CONFIG, clientId,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, LINGER_MS,
        ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, config.deliveryTimeoutMs(),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    return new KafkaSender(new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer()),
        clientId);
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
              acked.completeExceptionally(error);
            }
          });
        } catch (RuntimeException e) {
          acked.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      acked.completeExceptionally(new IllegalStateException("the Kafka sender is closed", e));
    }
    return Future.fromCompletionStage(acked, context);
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
