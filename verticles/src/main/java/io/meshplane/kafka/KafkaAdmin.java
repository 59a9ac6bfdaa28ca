package io.meshplane.kafka;

import io.meshplane.config.KafkaConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's administrative view of Kafka: the readiness check (the broker's cluster description) and the creation of
 * the topics the node writes to.
 */
public final class KafkaAdmin implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaAdmin.class);
  private static final int TIMEOUT_MS = 2000;

  private final Admin admin;

  private KafkaAdmin(Admin admin) {
    this.admin = admin;
  }

  public static KafkaAdmin create(KafkaConfig config) {
    return new KafkaAdmin(Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap(),
        AdminClientConfig.CLIENT_ID_CONFIG, "meshplane-probe",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS)));
  }

  public Future<JsonObject> probe(Context context) {
    return Future.fromCompletionStage(admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
        .nodes().toCompletionStage(), context)
        .map(nodes -> new JsonObject().put("brokers", nodes.size()));
  }

  /**
   * Creates those of {@code config}'s topics that do not exist; existing ones keep their settings. Blocks (bounded):
   * call on a worker. A broker that is down only delays this to the first produce, which creates them as defaults.
   */
  public void createMissingTopics(KafkaConfig config) {
    List<NewTopic> topics = config.ownTopics().stream()
        .map(name -> new NewTopic(name, config.topicPartitions(), config.replicationFactor())).toList();
    admin.createTopics(topics).values().forEach((name, created) -> {
      try {
        created.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        LOG.info("created topic {} with {} partitions", name, config.topicPartitions());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          LOG.warn("topic {} not created: {}", name, e.getCause().toString());
        }
      } catch (TimeoutException e) {
        LOG.warn("topic {} not created: the broker did not answer in {} ms", name, TIMEOUT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** Blocks briefly: call on a worker. */
  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
