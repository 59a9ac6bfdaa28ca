package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TopicReader;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/events}: valid events reach the ingress topic in binary mode; invalid ones produce nothing. */
class EventIngressIT {
  private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/shop\","
      + "\"type\":\"order.created\",\"partitionkey\":\"order-7\",\"datacontenttype\":\"application/json\","
      + "\"data\":{\"amount\":150}}";

  private static String topic;
  private static NodeFixture fixture;
  private static Http http;

  @BeforeAll
  static void start() {
    topic = TestKafka.uniqueTopic("ingress");
    TestKafka.createTopic(topic, 2);
    fixture = NodeFixture.start(s -> s.put("kafka.ingress-topic", topic));
    http = fixture.http();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void singleAndBatchEventsAreAcceptedOnceTheBrokerHasThem() {
    HttpResponse<String> single = http.post("/v1/events", EVENT, "Content-Type", "application/cloudevents+json");
    assertThat(single.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(single.body()).getInteger("accepted")).isEqualTo(1);

    String batch = "[" + EVENT.replace("e-1", "e-2") + "," + EVENT.replace("e-1", "e-3") + "]";
    HttpResponse<String> many = http.post("/v1/events", batch, "Content-Type", "application/cloudevents-batch+json");
    assertThat(many.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(many.body()).getInteger("accepted")).isEqualTo(2);

    try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), topic)) {
      List<ConsumerRecord<byte[], byte[]>> records = reader.readAtLeast(3, Duration.ofSeconds(30));
      assertThat(records).extracting(r -> TopicReader.header(r, "ce_id")).containsExactlyInAnyOrder("e-1", "e-2",
          "e-3");
      ConsumerRecord<byte[], byte[]> first = records.stream()
          .filter(r -> "e-1".equals(TopicReader.header(r, "ce_id"))).findFirst().orElseThrow();
      assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("order-7");
      assertThat(TopicReader.header(first, "ce_type")).isEqualTo("order.created");
      assertThat(new JsonObject(new String(first.value(), StandardCharsets.UTF_8)).getInteger("amount"))
          .isEqualTo(150);
    }
  }

  @Test
  void invalidEventsAre400AndNothingIsProduced() {
    long before = TopicReader.size(TestKafka.bootstrapServers(), topic);

    assertThat(http.post("/v1/events", "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"t\"}",
        "Content-Type", "application/cloudevents+json").statusCode()).isEqualTo(400);
    assertThat(http.post("/v1/events", "[" + EVENT + ",{\"specversion\":\"0.3\"}]",
        "Content-Type", "application/cloudevents-batch+json").statusCode()).isEqualTo(400);
    assertThat(http.post("/v1/events", "{not json", "Content-Type", "application/cloudevents+json").statusCode())
        .isEqualTo(400);
    assertThat(http.post("/v1/events", EVENT, "Content-Type", "text/plain").statusCode()).isEqualTo(415);

    assertThat(TopicReader.size(TestKafka.bootstrapServers(), topic)).isEqualTo(before);
  }
}
