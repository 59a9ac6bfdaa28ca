package io.meshplane.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads topics from the beginning in a test, until a condition on everything read so far holds. */
public final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

  public TopicReader(String bootstrap, String... topics) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topics));
  }

  /** Everything read once {@code done} holds for it; fails after {@code bound}. */
  public List<ConsumerRecord<byte[], byte[]>> readUntil(Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
      Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!done.test(records)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("after " + bound + " only " + records.size() + " records were read");
      }
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return List.copyOf(records);
  }

  /** Everything read so far. */
  public List<ConsumerRecord<byte[], byte[]>> read() {
    return List.copyOf(records);
  }

  public List<ConsumerRecord<byte[], byte[]>> readAtLeast(int count, Duration bound) {
    return readUntil(read -> read.size() >= count, bound);
  }

  /** The total number of records in the topic now (sum of end offsets). */
  public static long size(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> probe = probe(bootstrap)) {
      List<TopicPartition> partitions = probe.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      return probe.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public static int partitions(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> probe = probe(bootstrap)) {
      return probe.partitionsFor(topic, Duration.ofSeconds(10)).size();
    }
  }

  private static KafkaConsumer<byte[], byte[]> probe(String bootstrap) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
