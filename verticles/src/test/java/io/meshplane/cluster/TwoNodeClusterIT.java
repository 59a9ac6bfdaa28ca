package io.meshplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.TestDatabase;
import io.meshplane.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Two nodes forming one Hazelcast cluster over TCP: a write on one is seen on the other, and how fast. */
class TwoNodeClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(TwoNodeClusterIT.class);
  private static final int WRITES = 40;
  private static final long CONVERGENCE_BOUND_NANOS = 5_000_000_000L;

  private static TestDatabase database;
  private static TestNode a;
  private static TestNode b;

  @BeforeAll
  static void start() {
    database = TestDatabase.create();
    Map<String, String> settingsA = TestNode.isolated(database);
    a = TestNode.start(settingsA);
    Map<String, String> settingsB = new java.util.HashMap<>(settingsA);
    settingsB.put("hazelcast.port", Integer.toString(io.meshplane.testing.FreePorts.next()));
    settingsB.put("hazelcast.members", a.hazelcastAddress());
    b = TestNode.start(settingsB);
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
    if (database != null) {
      database.close();
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
      long written = System.nanoTime();
      String expected = "\"" + version + "\"";
      while (!expected.equals(httpB.get("/v1/entities/" + id).headers().firstValue("ETag").orElse(""))) {
        assertThat(System.nanoTime() - written).as("node B converges").isLessThan(CONVERGENCE_BOUND_NANOS);
      }
      windowsMicros.add((System.nanoTime() - written) / 1000);
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

    long deleted = System.nanoTime();
    while (httpB.get("/v1/entities/" + id).statusCode() != 404) {
      assertThat(System.nanoTime() - deleted).as("node B sees the delete").isLessThan(CONVERGENCE_BOUND_NANOS);
    }
  }
}
