package io.meshplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.testing.FreePorts;
import io.meshplane.testing.Http;
import io.meshplane.testing.TestDatabase;
import io.meshplane.testing.TestNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stopping a node leaves the cluster at once (no failure detection needed) and closes its HTTP port. */
class GracefulShutdownIT {
  private static TestDatabase database;
  private static TestNode survivor;

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    survivor = TestNode.start(TestNode.isolated(database));
  }

  @AfterAll
  static void stop() {
    if (survivor != null) {
      survivor.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aStoppedNodeLeavesTheClusterAndStopsAnswering() {
    Map<String, String> settings = new HashMap<>(TestNode.isolated(database));
    settings.put("hazelcast.cluster-name", survivor.config().hazelcast().clusterName());
    settings.put("hazelcast.port", Integer.toString(FreePorts.next()));
    settings.put("hazelcast.members", survivor.hazelcastAddress());
    settings.put("redis.key-prefix", survivor.config().redis().keyPrefix());
    TestNode leaving = TestNode.start(settings);
    Http leavingHttp = new Http(leaving.port());
    assertThat(leavingHttp.put("/v1/entities/urn:shutdown:a", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
    assertThat(survivor.node().hazelcast().getCluster().getMembers()).hasSize(2);

    leaving.close();

    // a crashed member would linger until heartbeats time out (a minute); a graceful leave is seen at once
    long left = System.nanoTime();
    while (survivor.node().hazelcast().getCluster().getMembers().size() != 1) {
      assertThat(System.nanoTime() - left).as("the survivor sees the member leave").isLessThan(5_000_000_000L);
      Thread.onSpinWait();
    }
    assertThatThrownBy(() -> leavingHttp.get("/health/live")).isInstanceOf(IllegalStateException.class);
    assertThat(new Http(survivor.port()).get("/v1/entities/urn:shutdown:a").statusCode()).isEqualTo(200);
  }
}
