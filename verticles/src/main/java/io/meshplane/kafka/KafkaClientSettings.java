package io.meshplane.kafka;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of the node's Kafka clients, in one place: the node's producer and the router's consumer use them, and
 * so does the load harness's raw consume → produce pipe, which must be measured with the same settings.
 */
public final class KafkaClientSettings {
  private static final int LINGER_MS = 5;

  private KafkaClientSettings() {}

  /** Durable and idempotent; a produce counts as failed after {@code deliveryTimeoutMs}. */
  public static Map<String, Object> producer(String bootstrap, String clientId, int deliveryTimeoutMs) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.CLIENT_ID_CONFIG, clientId,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, LINGER_MS,
        ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(15_000, deliveryTimeoutMs - LINGER_MS),
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
  }

  /** A consumer of the router's group: offsets committed by the router itself, after its produces were acknowledged. */
  public static Map<String, Object> routerConsumer(String bootstrap, String group, String clientId) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.CLIENT_ID_CONFIG, clientId,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        // a new group starts at the beginning: events that arrived before the first router are routed too
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        // topics created after subscribing (a new rule's source) are found within seconds, not minutes
        ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000,
        // subscribing must not create topics: that is the producers' (or the operators') business
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
  }
}
