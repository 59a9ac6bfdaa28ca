package io.meshplane.kafka;

import io.meshplane.config.KafkaConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Asks the broker for its cluster description: the readiness check of the Kafka dependency. */
public final class KafkaProbe implements AutoCloseable {
  private static final int TIMEOUT_MS = 2000;

  private final Admin admin;

  private KafkaProbe(Admin admin) {
    this.admin = admin;
  }

  public static KafkaProbe create(KafkaConfig config) {
    return new KafkaProbe(Admin.create(Map.of(
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

  /** Blocks briefly: call on a worker. */
  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
