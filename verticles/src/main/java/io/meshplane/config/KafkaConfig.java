package io.meshplane.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The Kafka broker and the topics Meshplane writes to. */
public record KafkaConfig(
    String bootstrap,
    int deliveryTimeoutMs,
    String changesTopic,
    String ingressTopic,
    String dlqTopic,
    String unmatchedTopic,
    boolean createTopics,
    int topicPartitions,
    short replicationFactor) {
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  static KafkaConfig from(ConfigValues v) {
    String unmatched = v.string("kafka.unmatched-topic").trim();
    if (!unmatched.isEmpty()) {
      topic(v, "kafka.unmatched-topic");
    }
    return new KafkaConfig(
        v.nonBlank("kafka.bootstrap"),
        v.integer("kafka.delivery-timeout-ms", 1000, 3_600_000),
        topic(v, "kafka.changes-topic"),
        topic(v, "kafka.ingress-topic"),
        topic(v, "kafka.dlq-topic"),
        unmatched.isEmpty() ? null : unmatched,
        v.bool("kafka.create-topics"),
        v.integer("kafka.topic-partitions", 1, 10_000),
        (short) v.integer("kafka.replication-factor", 1, 32));
  }

  /** The topics this node writes to, which it may create at start-up. */
  public List<String> ownTopics() {
    List<String> topics = new ArrayList<>(List.of(changesTopic, ingressTopic, dlqTopic));
    if (unmatchedTopic != null) {
      topics.add(unmatchedTopic);
    }
    return topics;
  }

  private static String topic(ConfigValues v, String key) {
    String name = v.nonBlank(key);
    if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new ConfigException(key, "not a valid Kafka topic name: '" + name + "'");
    }
    return name;
  }
}
