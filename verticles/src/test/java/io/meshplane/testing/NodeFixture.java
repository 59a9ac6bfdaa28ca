package io.meshplane.testing;

import java.util.Map;
import java.util.function.Consumer;

/** A test node together with the database it was given; closing it stops the node, then drops the database. */
public final class NodeFixture implements AutoCloseable {
  private final TestDatabase database;
  private final TestNode node;

  private NodeFixture(TestDatabase database, TestNode node) {
    this.database = database;
    this.node = node;
  }

  /** A node on a fresh database; {@code settings} may adjust the isolated defaults before it starts. */
  public static NodeFixture start(Consumer<Map<String, String>> settings) {
    TestDatabase database = TestDatabase.create();
    try {
      Map<String, String> config = TestNode.isolated(database);
      settings.accept(config);
      return new NodeFixture(database, TestNode.start(config));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public static NodeFixture start() {
    return start(settings -> { });
  }

  public TestDatabase database() {
    return database;
  }

  public TestNode node() {
    return node;
  }

  public Http http() {
    return new Http(node.port());
  }

  /** Settings for a second node joining this one's cluster, database and Redis prefix. */
  public Map<String, String> peerSettings() {
    Map<String, String> settings = TestNode.isolated(database);
    settings.put("hazelcast.cluster-name", node.config().hazelcast().clusterName());
    settings.put("hazelcast.members", node.hazelcastAddress());
    settings.put("redis.key-prefix", node.config().redis().keyPrefix());
    return settings;
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      database.close();
    }
  }
}
