package io.meshplane.routing;

import io.meshplane.config.KafkaConfig;
import io.meshplane.config.RouterConfig;
import io.meshplane.kafka.KafkaClientSettings;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's Kafka consumer, on a thread of its own because polling blocks. It hands each polled batch to the
 * event loop, waits until every record of it is delivered or dead-lettered, and only then commits the batch's offsets:
 * at least once, never an offset ahead of its effect.
 */
final class ConsumerLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Supplier<Set<String>> topics;
  private final Function<List<ConsumerRecord<byte[], byte[]>>, Future<Void>> handler;
  private volatile boolean running = true;

  ConsumerLoop(KafkaConfig kafka, RouterConfig router, String clientId, Supplier<Set<String>> topics,
      Function<List<ConsumerRecord<byte[], byte[]>>, Future<Void>> handler) {
    this.consumer = new KafkaConsumer<>(
        KafkaClientSettings.routerConsumer(kafka.bootstrap(), router.consumerGroup(), clientId),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topics = topics;
    this.handler = handler;
  }

  @Override
  public void run() {
    Set<String> subscribed = Set.of();
    try {
      while (running) {
        Set<String> wanted = topics.get();
        if (!wanted.equals(subscribed)) {
          consumer.subscribe(new ArrayList<>(wanted));
          subscribed = wanted;
          LOG.info("router subscribed to {}", wanted);
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
          handler.apply(batch).toCompletionStage().toCompletableFuture().join();
          consumer.commitSync(nextOffsets(batch));
        } catch (CompletionException e) {
          // not one record may be skipped: go back to the batch's start and route it again
          LOG.error("routing a batch failed; it is read again", e.getCause());
          firstOffsets(batch).forEach(consumer::seek);
        }
      }
    } catch (RuntimeException e) {
      LOG.error("router consumer stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      LOG.info("router consumer left the group");
    }
  }

  /** Asks the loop to finish the batch in hand, commit it, and leave the group (within one poll interval). */
  void stop() {
    running = false;
  }

  private static Map<TopicPartition, Long> firstOffsets(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      offsets.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
    }
    return offsets;
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }
    return offsets;
  }
}
