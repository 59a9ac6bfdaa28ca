package io.meshplane.testing;

import com.hazelcast.map.IMap;
import io.meshplane.cluster.HazelcastMember;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.config.ConfigLoader;
import io.meshplane.config.MeshplaneConfig;
import io.meshplane.launcher.MeshplaneNode;
import io.opentelemetry.api.OpenTelemetry;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real Meshplane node in this JVM, isolated for one test class: its own database, Redis key prefix, Hazelcast
 * cluster name and ports, Kafka topics and consumer group on the shared test broker, and a short blocked-thread limit
 * so that any blocking on an event loop is reported.
 */
public final class TestNode implements AutoCloseable {
  public static final int MAX_EVENT_LOOP_EXECUTE_MS = 750;

  private final MeshplaneNode node;
  private final MeshplaneConfig config;

  private TestNode(MeshplaneNode node, MeshplaneConfig config) {
    this.node = node;
    this.config = config;
  }

  /** Settings that isolate a node; tests add or replace keys. */
  public static Map<String, String> isolated(TestDatabase database) {
    Map<String, String> settings = new HashMap<>();
    settings.put("http.host", "127.0.0.1");
    settings.put("http.port", "0");
    settings.put("pg.database", database.name());
    settings.put("redis.key-prefix", "mp-it-" + UUID.randomUUID() + ":");
    settings.put("hazelcast.cluster-name", "mp-it-" + UUID.randomUUID());
    settings.put("hazelcast.port", Integer.toString(FreePorts.next()));
    settings.put("node.event-loops", "2");
    settings.put("node.max-event-loop-execute-ms", Integer.toString(MAX_EVENT_LOOP_EXECUTE_MS));
    settings.put("node.shutdown-grace-ms", "2000");
    settings.put("auth.jwt.secret", TestTokens.SECRET);
    settings.put("kafka.bootstrap", TestKafka.bootstrapServers());
    settings.put("kafka.changes-topic", TestKafka.uniqueTopic("changes"));
    settings.put("kafka.ingress-topic", TestKafka.uniqueTopic("ingress"));
    settings.put("kafka.dlq-topic", TestKafka.uniqueTopic("dlq"));
    settings.put("router.consumer-group", TestKafka.uniqueTopic("router"));
    return settings;
  }

  public static TestNode start(Map<String, String> settings) {
    return start(settings, OpenTelemetry.noop());
  }

  /** A node tracing into {@code openTelemetry} (when the settings enable tracing). */
  public static TestNode start(Map<String, String> settings, OpenTelemetry openTelemetry) {
    MeshplaneConfig config = ConfigLoader.load(null, Map.of(), Map.of(), settings);
    MeshplaneNode node = Await.result(MeshplaneNode.start(config, openTelemetry));
    return new TestNode(node, config);
  }

  public int port() {
    return node.httpPort();
  }

  public MeshplaneConfig config() {
    return config;
  }

  public MeshplaneNode node() {
    return node;
  }

  /** The clustered L1 map, to look inside or to empty it. */
  public IMap<String, CachedEntity> l1() {
    return node.hazelcast().getMap(HazelcastMember.ENTITY_MAP);
  }

  /** This node's Hazelcast address, for a second node to join. */
  public String hazelcastAddress() {
    var address = node.hazelcast().getCluster().getLocalMember().getAddress();
    return address.getHost() + ":" + address.getPort();
  }

  @Override
  public void close() {
    Await.result(node.stop());
  }
}
