package io.meshplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two nodes forming one Hazelcast cluster over TCP: a write on one is seen on the other, and how fast. */
class TwoNodeClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(TwoNodeClusterIT.class);
  private static final int WRITES = 40;
  private static final Duration CONVERGENCE_BOUND = Duration.ofSeconds(5);

  private static NodeFixture fixture;
  private static TestNode a;
  private static TestNode b;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start();
    a = fixture.node();
    b = TestNode.start(fixture.peerSettings());
  }

  @AfterAll
  static void stop() {
    try {
      b.close();
    } finally {
      fixture.close();
    }
  }

  @Test
  void bothNodesSeeOneCluster() {
    JsonObject readyA = new JsonObject(new Http(a.port()).get("/health/ready").body());
    JsonObject readyB = new JsonObject(new Http(b.port()).get("/health/ready").body());

    assertThat(readyA.getJsonObject("checks").getJsonObject("hazelcast").getInteger("clusterSize")).isEqualTo(2);
    assertThat(readyB.getJsonObject("checks").getJsonObject("hazelcast").getInteger("clusterSize")).isEqualTo(2);
  }

  @Test
  void aWriteOnOneNodeIsReadAtItsNewVersionOnTheOtherAndTheWindowIsMeasured() {
    Http httpA = new Http(a.port());
    Http httpB = new Http(b.port());
    String id = "urn:cluster:converge";
    httpA.put("/v1/entities/" + id, "{\"type\":\"dataset\",\"attributes\":{\"n\":1}}");
    assertThat(httpB.get("/v1/entities/" + id).statusCode()).isEqualTo(200);
    assertThat(httpB.get("/v1/entities/" + id).headers().firstValue("X-Cache")).hasValue("L1");

    List<Long> windowsMicros = new ArrayList<>();
    for (int version = 2; version <= WRITES + 1; version++) {
      httpA.put("/v1/entities/" + id, "{\"type\":\"dataset\",\"attributes\":{\"n\":" + version + "}}");
      String expected = "\"" + version + "\"";
      windowsMicros.add(Poll.until(
          () -> expected.equals(httpB.get("/v1/entities/" + id).headers().firstValue("ETag").orElse("")),
          CONVERGENCE_BOUND, "node B serving version " + version));
    }

    Collections.sort(windowsMicros);
    LOG.info("cross-node staleness over {} writes (includes one HTTP round trip): p50 {} µs, p99 {} µs, max {} µs",
        WRITES, windowsMicros.get(WRITES / 2), windowsMicros.get((int) Math.ceil(WRITES * 0.99) - 1),
        windowsMicros.get(WRITES - 1));
  }

  @Test
  void aDeleteOnOneNodeIsA404OnTheOther() {
    Http httpA = new Http(a.port());
    Http httpB = new Http(b.port());
    String id = "urn:cluster:delete";
    httpA.put("/v1/entities/" + id, "{\"type\":\"dataset\"}");
    assertThat(httpB.get("/v1/entities/" + id).statusCode()).isEqualTo(200);

    httpA.delete("/v1/entities/" + id);

    Poll.until(() -> httpB.get("/v1/entities/" + id).statusCode() == 404, CONVERGENCE_BOUND,
        "node B answering 404 after the delete");
  }
}
