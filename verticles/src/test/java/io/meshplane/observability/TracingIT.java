package io.meshplane.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestDatabase;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TestNode;
import io.meshplane.testing.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** One catalog write makes one connected trace: HTTP request → outbox publish → router, across two Kafka hops. */
class TracingIT {
  private static final Duration BOUND = Duration.ofSeconds(30);

  @Test
  void aWriteIsOneTraceThroughTheOutboxAndTheRouter() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    String out = TestKafka.uniqueTopic("traced");
    try (TestDatabase database = TestDatabase.create()) {
      Map<String, String> settings = TestNode.isolated(database);
      settings.put("tracing.enabled", "true");
      try (TestNode node = TestNode.start(settings, sdk)) {
        Http http = new Http(node.port());
        String changes = node.config().kafka().changesTopic();
        JsonObject route = new JsonObject()
            .put("from", new JsonArray().add(changes))
            .put("match", new JsonObject().put("attr", "subject").put("op", "eq").put("value", "urn:traced:a"))
            .put("to", new JsonArray().add(out));
        long version = new JsonObject(http.put("/v1/routes/traced", route.encode()).body()).getLong("version");
        Poll.until(() -> node.node().router().routesVersion() >= version, BOUND, "the route applied");

        assertThat(http.put("/v1/entities/urn:traced:a", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);

        ConsumerRecord<byte[], byte[]> routed;
        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), out)) {
          routed = reader.readAtLeast(1, BOUND).get(0);
        }
        Poll.until(() -> find(spans, SpanKind.CONSUMER, "route " + changes) != null, BOUND, "the router's span");
        SpanData routing = find(spans, SpanKind.CONSUMER, "route " + changes);
        SpanData publishing = find(spans, SpanKind.PRODUCER, "publish " + changes);
        SpanData request = spans.getFinishedSpanItems().stream()
            .filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(routing.getTraceId()))
            .findFirst().orElseThrow(() -> new AssertionError("no HTTP server span in the router's trace"));

        assertThat(publishing.getTraceId()).isEqualTo(request.getTraceId());
        assertThat(publishing.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(routing.getParentSpanId()).isEqualTo(publishing.getSpanId());
        assertThat(new String(routed.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
            .contains(routing.getTraceId()).contains(routing.getSpanId());
      }
    }
  }

  private static SpanData find(InMemorySpanExporter spans, SpanKind kind, String name) {
    List<SpanData> finished = spans.getFinishedSpanItems();
    return finished.stream().filter(span -> span.getKind() == kind && span.getName().equals(name)).findFirst()
        .orElse(null);
  }
}
