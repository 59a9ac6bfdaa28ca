package io.meshplane.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TopicReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The router against a real broker: match, transform, enrich, fan-out, hot rule changes, retries and dead letters. */
class RouterIT {
  private static final Logger LOG = LoggerFactory.getLogger(RouterIT.class);
  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final String CE = "application/cloudevents+json";

  private static NodeFixture fixture;
  private static Http http;
  private static String ingress;
  private static String dlq;

  @BeforeAll
  static void start() {
    ingress = TestKafka.uniqueTopic("ingress");
    TestKafka.createTopic(ingress, 2);
    fixture = NodeFixture.start(settings -> {
      settings.put("kafka.ingress-topic", ingress);
      settings.put("router.retry-backoff-ms", "10");
    });
    http = fixture.http();
    dlq = fixture.node().config().kafka().dlqTopic();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void largeOrdersAreMatchedTransformedEnrichedAndFannedOut() {
    String finance = TestKafka.uniqueTopic("finance");
    String audit = TestKafka.uniqueTopic("audit");
    http.put("/v1/entities/urn:mesh:dataset:orders", "{\"type\":\"dataset\",\"domain\":\"sales\",\"owner\":\"ann\"}");
    putRoute("large-orders", new JsonObject()
        .put("description", "large orders to finance")
        .put("match", new JsonObject().put("all", new JsonArray()
            .add(new JsonObject().put("attr", "type").put("op", "eq").put("value", "order.created"))
            .add(new JsonObject().put("path", "$.amount").put("op", "gt").put("value", 100))))
        .put("transform", new JsonArray()
            .add(new JsonObject().put("op", "rename").put("from", "$.amount").put("to", "$.total"))
            .add(new JsonObject().put("op", "drop").put("path", "$.card"))
            .add(new JsonObject().put("op", "set").put("path", "$.routed").put("value", true)))
        .put("enrich", new JsonObject().put("entityIdFrom", "$.datasetId")
            .put("fields", new JsonArray().add("owner").add("domain")).put("into", "$.dataset"))
        .put("to", new JsonArray().add(finance).add(audit)));

    post(event("o-1", "order.created", "{\"amount\":150,\"card\":\"4111\",\"datasetId\":\"urn:mesh:dataset:orders\"}")
        .put("partitionkey", "customer-9"));
    post(event("o-2", "order.created", "{\"amount\":50,\"datasetId\":\"urn:mesh:dataset:orders\"}"));
    post(event("o-3", "order.cancelled", "{\"amount\":500}"));
    post(event("o-4", "order.created", "{\"amount\":101,\"datasetId\":\"urn:mesh:dataset:none\"}"));

    for (String topic : List.of(finance, audit)) {
      try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), topic)) {
        List<ConsumerRecord<byte[], byte[]>> routed = reader.readAtLeast(2, BOUND);
        assertThat(routed).extracting(r -> TopicReader.header(r, "ce_id")).containsExactly("o-1", "o-4");
        JsonObject first = json(routed.get(0));
        assertThat(first.getInteger("total")).isEqualTo(150);
        assertThat(first.containsKey("amount")).isFalse();
        assertThat(first.containsKey("card")).isFalse();
        assertThat(first.getBoolean("routed")).isTrue();
        assertThat(first.getJsonObject("dataset")).isEqualTo(new JsonObject().put("owner", "ann").put("domain", "sales"));
        assertThat(new String(routed.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("customer-9");
        assertThat(json(routed.get(1)).getValue("dataset")).isNull();
      }
    }
  }

  @Test
  void aRuleChangeAppliesWithinOneSecondWithoutRestart() {
    String before = TestKafka.uniqueTopic("before");
    String after = TestKafka.uniqueTopic("after");
    putRoute("hot", routeTo("hot.event", before));
    post(event("h-1", "hot.event", "{}"));
    try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), before)) {
      reader.readAtLeast(1, BOUND);
    }

    HttpResponse<String> changed = http.put("/v1/routes/hot", routeTo("hot.event", after).encode());
    assertThat(changed.statusCode()).isEqualTo(200);
    long version = new JsonObject(changed.body()).getLong("version");
    long micros = Poll.until(() -> fixture.node().node().router().routesVersion() >= version, Duration.ofSeconds(1),
        "the node applying the changed rule");
    LOG.info("rule change applied {} ms after the PUT answered", micros / 1000);
    post(event("h-2", "hot.event", "{}"));

    try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), after)) {
      assertThat(reader.readAtLeast(1, BOUND)).extracting(r -> TopicReader.header(r, "ce_id")).containsExactly("h-2");
    }
    assertThat(TopicReader.size(TestKafka.bootstrapServers(), before)).isEqualTo(1);
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
    String out = TestKafka.uniqueTopic("after-poison");
    putRoute("after-poison", routeTo("poison.check", out));
    byte[] poison = "not a cloudevent".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer = TestKafka.producer()) {
      producer.send(new ProducerRecord<>(ingress, 0, "k".getBytes(StandardCharsets.UTF_8), poison))
          .get(30, TimeUnit.SECONDS);
    }
    post(event("p-1", "poison.check", "{}").put("partitionkey", "k"));

    try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), out)) {
      assertThat(reader.readAtLeast(1, BOUND)).extracting(r -> TopicReader.header(r, "ce_id")).containsExactly("p-1");
    }
    try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), dlq)) {
      ConsumerRecord<byte[], byte[]> dead = reader.readUntil(read -> read.stream().anyMatch(RouterIT::isPoison), BOUND)
          .stream().filter(RouterIT::isPoison).findFirst().orElseThrow();
      assertThat(dead.value()).isEqualTo(poison);
      assertThat(TopicReader.header(dead, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(ingress);
      assertThat(TopicReader.header(dead, DeadLetters.ORIGINAL_PARTITION)).isEqualTo("0");
      assertThat(TopicReader.header(dead, DeadLetters.ORIGINAL_OFFSET)).isNotNull();
      assertThat(TopicReader.header(dead, DeadLetters.ERROR)).isNotBlank();
    }
  }

  @Test
  void aRecordTheRuleCannotTransformIsRetriedThenDeadLetteredWithTheRouteNamed() {
    putRoute("broken", new JsonObject()
        .put("match", new JsonObject().put("attr", "type").put("op", "eq").put("value", "broken.event"))
        .put("transform", new JsonArray().add(new JsonObject().put("op", "rename").put("from", "$.missing")
            .put("to", "$.x")))
        .put("to", new JsonArray().add(TestKafka.uniqueTopic("never"))));
    long retriedBefore = fixture.node().node().router().stats().retried();

    post(event("b-1", "broken.event", "{\"present\":1}"));

    try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), dlq)) {
      ConsumerRecord<byte[], byte[]> dead = reader.readUntil(read -> read.stream()
              .anyMatch(r -> "b-1".equals(TopicReader.header(r, "ce_id"))), BOUND).stream()
          .filter(r -> "b-1".equals(TopicReader.header(r, "ce_id"))).findFirst().orElseThrow();
      assertThat(TopicReader.header(dead, DeadLetters.ROUTE)).isEqualTo("broken");
      assertThat(TopicReader.header(dead, DeadLetters.ERROR)).contains("rename");
      assertThat(json(dead).getInteger("present")).isEqualTo(1);
    }
    int retries = fixture.node().config().router().maxAttempts() - 1;
    assertThat(fixture.node().node().router().stats().retried() - retriedBefore).isGreaterThanOrEqualTo(retries);
  }

  @Test
  void invalidRulesAre400WithTheReasonAndNotStored() {
    HttpResponse<String> badOp = http.put("/v1/routes/bad", new JsonObject()
        .put("match", new JsonObject().put("attr", "type").put("op", "like").put("value", "x"))
        .put("to", new JsonArray().add("t")).encode());
    HttpResponse<String> badRegex = http.put("/v1/routes/bad", new JsonObject()
        .put("match", new JsonObject().put("path", "$.a").put("op", "regex").put("value", "("))
        .put("to", new JsonArray().add("t")).encode());
    HttpResponse<String> noTarget = http.put("/v1/routes/bad", new JsonObject().put("to", new JsonArray()).encode());

    for (HttpResponse<String> refused : List.of(badOp, badRegex, noTarget)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(new JsonObject(badOp.body()).getString("detail")).contains("like");
    assertThat(http.get("/v1/routes/bad").statusCode()).isEqualTo(404);
  }

  @Test
  void routesCanBeListedReadAndDeleted() {
    putRoute("listed", routeTo("listed.event", "listed-out"));

    JsonObject read = new JsonObject(http.get("/v1/routes/listed").body());
    assertThat(read.getString("name")).isEqualTo("listed");
    assertThat(read.getJsonArray("to").getList()).containsExactly("listed-out");
    assertThat(new JsonObject(http.get("/v1/routes").body()).getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("name"))).contains("listed");

    assertThat(http.delete("/v1/routes/listed").statusCode()).isEqualTo(204);
    assertThat(http.get("/v1/routes/listed").statusCode()).isEqualTo(404);
    assertThat(http.delete("/v1/routes/listed").statusCode()).isEqualTo(404);
    assertThat(http.put("/v1/routes/listed", routeTo("listed.event", "listed-out").encode()).statusCode())
        .isEqualTo(201);
  }

  private static boolean isPoison(ConsumerRecord<byte[], byte[]> record) {
    return "not a cloudevent".equals(new String(record.value(), StandardCharsets.UTF_8));
  }

  private static JsonObject routeTo(String type, String topic) {
    return new JsonObject()
        .put("match", new JsonObject().put("attr", "type").put("op", "eq").put("value", type))
        .put("to", new JsonArray().add(topic));
  }

  /** PUTs a route and waits until the node applies it; answers its version. */
  private static long putRoute(String name, JsonObject definition) {
    HttpResponse<String> saved = http.put("/v1/routes/" + name, definition.encode());
    assertThat(saved.statusCode()).as(saved.body()).isIn(200, 201);
    long version = new JsonObject(saved.body()).getLong("version");
    Poll.until(() -> fixture.node().node().router().routesVersion() >= version, BOUND, "route " + name + " applied");
    return version;
  }

  private static JsonObject event(String id, String type, String data) {
    return new JsonObject().put("specversion", "1.0").put("id", id).put("source", "/test").put("type", type)
        .put("datacontenttype", "application/json").put("data", new JsonObject(data));
  }

  private static void post(JsonObject event) {
    HttpResponse<String> accepted = http.post("/v1/events", event.encode(), "Content-Type", CE);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
  }

  private static JsonObject json(ConsumerRecord<byte[], byte[]> record) {
    return new JsonObject(new String(record.value(), StandardCharsets.UTF_8));
  }
}
