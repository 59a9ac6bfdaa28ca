package io.meshplane.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TestNode;
import io.meshplane.testing.TopicReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A router stopped mid-stream and another started in its place: every event in ends up out, none lost. */
class RouterRestartIT {
  private static final Logger LOG = LoggerFactory.getLogger(RouterRestartIT.class);
  private static final int EVENTS = 2000;
  private static final Duration BOUND = Duration.ofSeconds(90);

  @Test
  void noEventIsLostWhenTheRouterIsReplacedMidStream() throws Exception {
    String ingress = TestKafka.uniqueTopic("ingress");
    String out = TestKafka.uniqueTopic("out");
    TestKafka.createTopic(ingress, 3);

    Map<String, String> settings;
    try (NodeFixture first = NodeFixture.start(s -> s.put("kafka.ingress-topic", ingress))) {
      settings = first.peerSettings();
      settings.put("router.consumer-group", first.node().config().router().consumerGroup());
      settings.put("kafka.ingress-topic", ingress);
      JsonObject route = new JsonObject()
          .put("match", new JsonObject().put("attr", "type").put("op", "eq").put("value", "restart.event"))
          .put("to", new JsonArray().add(out));
      assertThat(first.http().put("/v1/routes/restart", route.encode()).statusCode()).isEqualTo(201);
      // events that arrive before a rule exists are unmatched by design; this test is about the ones that match
      Poll.until(() -> first.node().node().router().routesVersion() > 0, BOUND, "the rule applied");
      produce(ingress);
      Poll.until(() -> first.node().node().router().stats().routed() > 0, BOUND, "the first router routing");
      LOG.info("first router stopped after routing {} events", first.node().node().router().stats().routed());

      // the second node joins the same database, group and topics; the first leaves mid-stream
      try (TestNode second = TestNode.start(settings)) {
        first.node().close();
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), out)) {
          List<ConsumerRecord<byte[], byte[]>> routed = reader.readUntil(read -> distinctIds(read).size() == EVENTS,
              BOUND);
          LOG.info("{} events in, {} records out, {} duplicates", EVENTS, routed.size(), routed.size() - EVENTS);
          assertThat(distinctIds(routed)).hasSize(EVENTS);
        }
      }
    }
  }

  private static void produce(String topic) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = TestKafka.producer()) {
      for (int i = 0; i < EVENTS; i++) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", utf8("1.0"));
        headers.add("ce_id", utf8("r-" + i));
        headers.add("ce_source", utf8("/restart"));
        headers.add("ce_type", utf8("restart.event"));
        headers.add("content-type", utf8("application/json"));
        producer.send(new ProducerRecord<>(topic, null, utf8("k" + (i % 50)), utf8("{\"n\":" + i + "}"), headers));
      }
      producer.flush();
    }
  }

  private static Set<String> distinctIds(List<ConsumerRecord<byte[], byte[]>> records) {
    Set<String> ids = new HashSet<>();
    records.forEach(r -> ids.add(TopicReader.header(r, "ce_id")));
    return ids;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
