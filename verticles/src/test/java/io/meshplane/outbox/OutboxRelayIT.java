package io.meshplane.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.broker.LocalKafkaBroker;
import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TopicReader;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every committed change reaches the changes topic, in per-entity order, even across a broker outage. */
class OutboxRelayIT {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayIT.class);
  private static final Duration BOUND = Duration.ofSeconds(60);

  @Test
  void everyChangeIsPublishedInPerEntityOrderAsACloudEvent() {
    String topic = TestKafka.uniqueTopic("changes");
    try (NodeFixture fixture = NodeFixture.start(s -> s.put("kafka.changes-topic", topic));
        TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), topic)) {
      Http http = fixture.http();
      int expected = writeChanges(http, "urn:outbox:a", "urn:outbox:b");

      List<ConsumerRecord<byte[], byte[]>> records = reader.readAtLeast(expected, BOUND);

      assertInPerEntityOrder(records, Map.of("urn:outbox:a", 6L, "urn:outbox:b", 6L));
      // the node created the topic at start-up with the configured partition count
      assertThat(TopicReader.partitions(TestKafka.bootstrapServers(), topic))
          .isEqualTo(fixture.node().config().kafka().topicPartitions());
      ConsumerRecord<byte[], byte[]> created = records.stream()
          .filter(r -> "urn:outbox:a@1".equals(TopicReader.header(r, "ce_id"))).findFirst().orElseThrow();
      assertThat(new String(created.key(), StandardCharsets.UTF_8)).isEqualTo("urn:outbox:a");
      assertThat(TopicReader.header(created, "ce_type")).isEqualTo("io.meshplane.entity.upserted");
      assertThat(TopicReader.header(created, "ce_subject")).isEqualTo("urn:outbox:a");
      assertThat(TopicReader.header(created, "content-type")).isEqualTo("application/json");
      assertThat(new String(created.value(), StandardCharsets.UTF_8)).contains("\"version\": 1");
      assertThat(records).anyMatch(r -> "io.meshplane.entity.deleted".equals(TopicReader.header(r, "ce_type")));
      Poll.until(() -> fixture.database().queryLong("SELECT count(*) FROM mp_outbox") == 0, BOUND,
          "the outbox emptying");
    }
  }

  @Test
  void writesGoOnWhileTheBrokerIsDownAndTheOutboxDrainsWhenItIsBack(@TempDir Path dir) throws IOException {
    String topic = TestKafka.uniqueTopic("changes");
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(Files.createDirectories(dir.resolve("kafka")), 0);
        NodeFixture fixture = NodeFixture.start(s -> {
          s.put("kafka.bootstrap", broker.bootstrapServers());
          s.put("kafka.changes-topic", topic);
          s.put("kafka.delivery-timeout-ms", "3000");
          s.put("outbox.retry-backoff-max-ms", "500");
          s.put("http.request-timeout-ms", Integer.toString(REQUEST_TIMEOUT_MS));
        })) {
      Http http = fixture.http();
      assertThat(http.put("/v1/entities/urn:outage:warm", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
      Poll.until(() -> fixture.database().queryLong("SELECT count(*) FROM mp_outbox") == 0, BOUND,
          "the first change being relayed");

      broker.stop();
      int written = writeChanges(http, "urn:outage:x", "urn:outage:y");
      assertThat(fixture.database().queryLong("SELECT count(*) FROM mp_outbox")).isEqualTo(written);
      long started = System.nanoTime();
      HttpResponse<String> refused = http.post("/v1/events", EVENT, "Content-Type", "application/cloudevents+json");
      long refusedMillis = (System.nanoTime() - started) / 1_000_000;
      LOG.info("an event posted while the broker was down: {} after {} ms", refused.statusCode(), refusedMillis);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      // the produce bound or the request timeout, whichever ends first, plus a loaded machine's slack
      assertThat(refusedMillis).isLessThan(REQUEST_TIMEOUT_MS + 3000);
      assertThat(new JsonObject(http.get("/health/ready").body()).getString("status")).isEqualTo("DEGRADED");
      broker.restart();

      Poll.until(() -> fixture.database().queryLong("SELECT count(*) FROM mp_outbox") == 0, BOUND,
          "the outbox draining after the outage");
      try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
        List<ConsumerRecord<byte[], byte[]>> records = reader.readAtLeast(written + 1, BOUND);
        assertInPerEntityOrder(records, Map.of("urn:outage:x", 6L, "urn:outage:y", 6L, "urn:outage:warm", 1L));
        LOG.info("after the outage: {} changes written, {} records on the topic ({} duplicates)", written + 1,
            records.size(), records.size() - written - 1);
      }
      Poll.until(() -> http.post("/v1/events", EVENT, "Content-Type", "application/cloudevents+json")
          .statusCode() == 202, BOUND, "events accepted again");
    }
  }

  private static final int REQUEST_TIMEOUT_MS = 4000;
  private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"outage-1\",\"source\":\"/test\","
      + "\"type\":\"order.created\",\"data\":{\"amount\":1}}";

  /** Per entity: create, four updates, delete. Returns how many changes that made. */
  private static int writeChanges(Http http, String... ids) {
    int changes = 0;
    for (int round = 0; round < 5; round++) {
      for (String id : ids) {
        int status = http.put("/v1/entities/" + id, "{\"type\":\"t\",\"attributes\":{\"round\":" + round + "}}")
            .statusCode();
        assertThat(status).isIn(200, 201);
        changes++;
      }
    }
    for (String id : ids) {
      assertThat(http.delete("/v1/entities/" + id).statusCode()).isEqualTo(204);
      changes++;
    }
    return changes;
  }

  /**
   * Each entity's versions appear as 1, 2, … up to its last one; a republished record (at least once) may repeat a
   * version, but never goes back before one already seen without having shown every version in between.
   */
  private static void assertInPerEntityOrder(List<ConsumerRecord<byte[], byte[]>> records,
      Map<String, Long> lastVersions) {
    Map<String, List<Long>> versions = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      versions.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(Long.parseLong(TopicReader.header(record, "ce_entityversion")));
    }
    lastVersions.forEach((id, last) -> {
      List<Long> seen = versions.get(id);
      assertThat(seen).as(id).isNotNull();
      long next = 1;
      for (long version : seen) {
        assertThat(version).as("versions of %s: %s", id, seen).isLessThanOrEqualTo(next);
        if (version == next) {
          next++;
        }
      }
      assertThat(next - 1).as("last version of %s", id).isEqualTo(last);
    });
  }
}
