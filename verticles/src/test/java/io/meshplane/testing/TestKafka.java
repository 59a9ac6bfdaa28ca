package io.meshplane.testing;

import io.meshplane.broker.LocalKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * One real Kafka broker for every test of this JVM: started on first use in a temporary directory, stopped and
 * deleted when the JVM exits. Tests isolate themselves with topics of their own ({@link #uniqueTopic}). A test that
 * takes the broker away starts a {@link LocalKafkaBroker} of its own instead.
 */
public final class TestKafka {
  private static final long TIMEOUT_SECONDS = 30;

  private TestKafka() {}

  public static String bootstrapServers() {
    return Shared.BROKER.bootstrapServers();
  }

  public static void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** A topic with the given topic-level settings, e.g. {@code max.message.bytes}. */
  public static void createTopic(String name, int partitions, Map<String, String> settings) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(settings))).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topic " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A durable producer of raw records, for tests that write what the API would refuse. */
  public static KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** A topic name no other test uses, e.g. {@code outbox-3f2a9c1b7d4e}. */
  public static String uniqueTopic(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Holds the broker so that the class loader starts it on first use, exactly once. */
  private static final class Shared {
    static final LocalKafkaBroker BROKER = start();

    private static LocalKafkaBroker start() {
      try {
        Path dataDir = Files.createTempDirectory("meshplane-kafka-");
        LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          broker.close();
          deleteQuietly(dataDir);
        }, "test-kafka-shutdown"));
        return broker;
      } catch (IOException e) {
        throw new IllegalStateException("cannot create the test broker's directory", e);
      }
    }

    private static void deleteQuietly(Path dir) {
      try {
        Utils.delete(dir.toFile());
      } catch (IOException e) {
        // the JVM is exiting; a leftover temporary directory is harmless
      }
    }
  }
}
