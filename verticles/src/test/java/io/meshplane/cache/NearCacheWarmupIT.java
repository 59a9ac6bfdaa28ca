package io.meshplane.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.TestNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A node that starts on a populated catalog serves its most recently changed entities from L1 from the first read. */
class NearCacheWarmupIT {

  @Test
  void aStartingNodeAnswersItsFirstReadsFromL1() {
    try (NodeFixture first = NodeFixture.start()) {
      Http http = first.http();
      for (int i = 0; i < 20; i++) {
        assertThat(http.put("/v1/entities/urn:warm:" + i, "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
      }
      Map<String, String> fresh = TestNode.isolated(first.database());
      fresh.put("hazelcast.cluster-name", "mp-it-" + UUID.randomUUID()); // an empty L1: nothing shared with the first
      fresh.put("redis.key-prefix", "mp-it-" + UUID.randomUUID() + ":");
      fresh.put("cache.warmup-entries", "10");
      try (TestNode second = TestNode.start(fresh)) {
        Http secondHttp = new Http(second.port());

        assertThat(secondHttp.get("/v1/entities/urn:warm:19").headers().firstValue("X-Cache")).hasValue("L1");
        assertThat(secondHttp.get("/v1/entities/urn:warm:10").headers().firstValue("X-Cache")).hasValue("L1");
        // only the ten most recently changed were warmed
        assertThat(secondHttp.get("/v1/entities/urn:warm:0").headers().firstValue("X-Cache")).hasValue("L3");
      }
    }
  }
}
