package io.meshplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LocalKafkaBrokerIT {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBrokerIT.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dataDir;

  @Test
  void keepsRecordsAndOffsetsAcrossAnOutage() throws Exception {
    long startedAt = System.nanoTime();
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, 0)) {
      LOG.info("Kafka broker started in {} ms", elapsedMs(startedAt));
      String topic = "it-" + UUID.randomUUID();
      String group = "it-" + UUID.randomUUID();
      createTopic(broker, topic);

      try (KafkaProducer<String, String> producer = producer(broker)) {
        for (int i = 1; i <= 3; i++) {
          producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(consume(broker, topic, group, 3))
            .extracting(ConsumerRecord::key, ConsumerRecord::value)
            .containsExactly(tuple("k1", "v1"), tuple("k2", "v2"), tuple("k3", "v3"));

        broker.stop();
        // delivery.timeout.ms bounds the attempt: it fails with Kafka's timeout well before the wait ends
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "lost", "lost"))
            .get(WAIT.toSeconds(), TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(TimeoutException.class);

        long restartedAt = System.nanoTime();
        broker.restart();
        LOG.info("Kafka broker restarted in {} ms", elapsedMs(restartedAt));
        // the producer that saw the outage works again once the broker is back
        producer.send(new ProducerRecord<>(topic, "k4", "v4")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }

      // the group's committed offset survived: it resumes after k3
      assertThat(consume(broker, topic, group, 1))
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactly(tuple("k4", "v4"));
      // and so did every record written before the outage
      assertThat(consume(broker, topic, "it-" + UUID.randomUUID(), 4))
          .extracting(ConsumerRecord::key)
          .containsExactly("k1", "k2", "k3", "k4");
    }
  }

  private static void createTopic(LocalKafkaBroker broker, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** A producer that gives up on a record within seconds, so an outage shows as a failed send. */
  private static KafkaProducer<String, String> producer(LocalKafkaBroker broker) {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Reads {@code count} records as a member of {@code group}, then commits what it read. */
  private static List<ConsumerRecord<String, String>> consume(LocalKafkaBroker broker, String topic, String group,
      int count) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      consumer.commitSync();
    }
    return records;
  }

  private static long elapsedMs(long since) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
  }
}
