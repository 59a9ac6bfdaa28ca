package io.meshplane.testing;

import io.meshplane.config.ConfigLoader;
import io.meshplane.config.KafkaConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Meshplane nodes in processes of their own forming one installation, as they would in production: one Hazelcast
 * cluster (TCP join on 127.0.0.1), one database, Redis key prefix, set of Kafka topics and router group on the shared
 * test broker, and a fixed HTTP and Hazelcast port per node. Nodes are started together: one JVM takes seconds to
 * come up on a small machine. Closing kills every node, then drops the database. Logs go to
 * {@code target/node-processes/<database>/}.
 */
public final class ProcessCluster implements AutoCloseable {
  public static final Duration START_BOUND = Duration.ofSeconds(120);
  private static final String BLOCKED_THREAD_REPORT = "has been blocked for";

  private final TestDatabase database;
  private final Map<String, String> shared;
  private final Path logDir;
  private final List<NodeProcess> nodes = new CopyOnWriteArrayList<>();

  private ProcessCluster(TestDatabase database, Map<String, String> shared) {
    this.database = database;
    this.shared = Map.copyOf(shared);
    this.logDir = Path.of("target", "node-processes", database.name());
  }

  /** {@code count} ready nodes on a fresh database; {@code settings} may adjust the isolated defaults of all nodes. */
  public static ProcessCluster start(int count, Consumer<Map<String, String>> settings) {
    TestDatabase database = TestDatabase.create();
    ProcessCluster cluster;
    try {
      Map<String, String> shared = TestNode.isolated(database);
      // several JVMs share two cores here, under load from tests and from each other: the production limit still
      // reports a real block, without counting a starved thread as one
      shared.remove("node.max-event-loop-execute-ms");
      settings.accept(shared);
      cluster = new ProcessCluster(database, shared);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    try {
      cluster.createTopics();
      cluster.add(count);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Starts {@code count} more nodes at once, each naming every node so far as its Hazelcast peers, and waits until
   * they are ready and every running node sees them all in its cluster.
   */
  public List<NodeProcess> add(int count) {
    List<String> hazelcastPorts = Stream.generate(FreePorts::next).limit(count).map(String::valueOf).toList();
    String members = Stream.concat(nodes.stream().map(NodeProcess::hazelcastAddress),
        hazelcastPorts.stream().map(port -> "127.0.0.1:" + port)).collect(Collectors.joining(","));
    List<NodeProcess> added = new ArrayList<>();
    for (String hazelcastPort : hazelcastPorts) {
      Map<String, String> settings = new HashMap<>(shared);
      settings.put("http.port", Integer.toString(FreePorts.next()));
      settings.put("hazelcast.port", hazelcastPort);
      settings.put("hazelcast.members", members);
      String name = "node-" + (nodes.size() + 1);
      NodeProcess node = new NodeProcess(name, settings, logDir.resolve(name + ".log"));
      nodes.add(node); // before it starts, so that close() finds it whatever happens next
      added.add(node);
    }
    added.forEach(NodeProcess::start);
    added.forEach(node -> node.awaitReady(START_BOUND));
    awaitMembers(running().size());
    return added;
  }

  /** Waits until every running node counts {@code members} members in its Hazelcast cluster. */
  public void awaitMembers(int members) {
    for (NodeProcess node : running()) {
      Poll.until(() -> clusterSize(node) == members, START_BOUND, Duration.ofMillis(200),
          node.name() + " seeing " + members + " cluster members");
    }
  }

  /** Every node ever started here, in start order (the first is index 0), running or not. */
  public List<NodeProcess> nodes() {
    return List.copyOf(nodes);
  }

  public NodeProcess node(int index) {
    return nodes.get(index);
  }

  public List<NodeProcess> running() {
    return nodes.stream().filter(NodeProcess::alive).toList();
  }

  /** One of the settings every node shares, e.g. {@code kafka.ingress-topic}. */
  public String setting(String key) {
    return shared.get(key);
  }

  public TestDatabase database() {
    return database;
  }

  /** The end of every node's log, for a failed test's report. */
  public String logTails(int lines) {
    return nodes.stream()
        .map(node -> "----- " + node.name() + " (" + node.log().toAbsolutePath() + ")\n" + node.logTail(lines))
        .collect(Collectors.joining("\n"));
  }

  /**
   * What the nodes' blocked-thread checkers reported while the nodes served. Start-up is left out: a cold JVM loads
   * classes on its event loops at first use, and with several of them starting on a small shared machine that alone
   * can pass the limit; start-up code is checked in this JVM, warm, by the tests of in-JVM nodes.
   */
  public List<String> blockedThreadReports() {
    return nodes.stream().flatMap(node -> node.logLinesWhileUp().stream()
        .filter(line -> line.contains(BLOCKED_THREAD_REPORT))
        .map(line -> node.name() + ": " + line)).toList();
  }

  @Override
  public void close() {
    try {
      nodes.forEach(NodeProcess::kill);
    } finally {
      database.close();
    }
  }

  /** The topics the nodes write to, made beforehand with the configured partitions, as an operator would. */
  private void createTopics() {
    KafkaConfig kafka = ConfigLoader.load(null, Map.of(), Map.of(), shared).kafka();
    kafka.ownTopics().forEach(topic -> TestKafka.createTopic(topic, kafka.topicPartitions()));
  }

  private static int clusterSize(NodeProcess node) {
    try {
      JsonObject ready = new JsonObject(node.http().get("/health/ready").body());
      return ready.getJsonObject("checks").getJsonObject("hazelcast").getInteger("clusterSize", 0);
    } catch (RuntimeException e) {
      return 0; // not answering, or not a readiness document yet
    }
  }
}
