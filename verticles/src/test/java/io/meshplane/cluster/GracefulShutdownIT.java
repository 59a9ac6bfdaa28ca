package io.meshplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stopping a node leaves the cluster at once (no failure detection needed) and closes its HTTP port. */
class GracefulShutdownIT {
  private static NodeFixture fixture;
  private static TestNode survivor;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start();
    survivor = fixture.node();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aStoppedNodeLeavesTheClusterAndStopsAnswering() {
    TestNode leaving = TestNode.start(fixture.peerSettings());
    Http leavingHttp = new Http(leaving.port());
    assertThat(leavingHttp.put("/v1/entities/urn:shutdown:a", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
    assertThat(survivor.node().hazelcast().getCluster().getMembers()).hasSize(2);

    leaving.close();

    // a crashed member would linger until heartbeats time out (a minute); a graceful leave is seen at once
    Poll.until(() -> survivor.node().hazelcast().getCluster().getMembers().size() == 1, Duration.ofSeconds(5),
        "the survivor seeing the member leave");
    assertThatThrownBy(() -> leavingHttp.get("/health/live")).isInstanceOf(IllegalStateException.class);
    assertThat(new Http(survivor.port()).get("/v1/entities/urn:shutdown:a").statusCode()).isEqualTo(200);
  }
}
