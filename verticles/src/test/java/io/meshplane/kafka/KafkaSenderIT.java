package io.meshplane.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.config.KafkaConfig;
import io.meshplane.testing.Await;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TopicReader;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fail-fast sender, on a real broker: nothing sent after a failed record reaches the partition. */
class KafkaSenderIT {
  /** The topic refuses record batches over this size; the producer itself would send up to 1 MiB. */
  private static final int TOPIC_MAX_MESSAGE_BYTES = 50_000;

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    Await.result(vertx.close());
  }

  @Test
  void afterARefusedRecordNoLaterRecordOfThePartitionIsDelivered() {
    String topic = topicRefusingLargeBatches("fail-fast");
    KafkaSender sender = KafkaSender.failFast(config(), "fail-fast-test");
    Context context = vertx.getOrCreateContext();

    // larger than the producer's batch size, the refused record travels in a batch of its own, between the others
    Future<RecordMetadata> first = sender.send(context, record(topic, "v1", 10));
    Future<RecordMetadata> refused = sender.send(context, record(topic, "v2", 2 * TOPIC_MAX_MESSAGE_BYTES));
    List<Future<RecordMetadata>> later = List.of(sender.send(context, record(topic, "v3", 10)),
        sender.send(context, record(topic, "v4", 10)));
    Await.result(Future.join(first, refused, Future.join(later)).otherwiseEmpty());
    sender.close();

    assertThat(first.succeeded()).isTrue();
    assertThat(refused.cause()).isInstanceOf(RecordTooLargeException.class);
    assertThat(later).allSatisfy(send -> assertThat(send.failed()).isTrue());
    assertThat(sender.aborted()).isTrue();
    // without failing fast, the idempotent producer would deliver v3 and v4 after v2 failed: a gap in the order
    assertThat(TopicReader.size(TestKafka.bootstrapServers(), topic)).isEqualTo(1);
    try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), topic)) {
      assertThat(reader.readAtLeast(1, Duration.ofSeconds(30)))
          .extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("v1");
    }
  }

  @Test
  void theNodesSharedSenderKeepsGoingAfterAFailedRecord() {
    String topic = topicRefusingLargeBatches("shared");
    KafkaSender sender = KafkaSender.create(config(), "shared-test");
    Context context = vertx.getOrCreateContext();

    Future<RecordMetadata> refused = sender.send(context, record(topic, "big", 2 * TOPIC_MAX_MESSAGE_BYTES));
    Future<RecordMetadata> next = sender.send(context, record(topic, "small", 10));
    Await.result(Future.join(refused, next).otherwiseEmpty());
    sender.close();

    assertThat(refused.failed()).isTrue();
    assertThat(next.succeeded()).isTrue();
    assertThat(sender.aborted()).isFalse();
  }

  /** One partition, refusing record batches over {@link #TOPIC_MAX_MESSAGE_BYTES}. */
  private static String topicRefusingLargeBatches(String prefix) {
    String topic = TestKafka.uniqueTopic(prefix);
    TestKafka.createTopic(topic, 1, Map.of("max.message.bytes", Integer.toString(TOPIC_MAX_MESSAGE_BYTES)));
    return topic;
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, int valueBytes) {
    return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), new byte[valueBytes]);
  }

  private static KafkaConfig config() {
    return new KafkaConfig(TestKafka.bootstrapServers(), 10_000, "unused.changes", "unused.in", "unused.dlq", null,
        false, 1, (short) 1);
  }
}
