package io.meshplane.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.meshplane.codecs.cloudevents.CloudEvent;
import io.meshplane.codecs.cloudevents.CloudEventMessageCodec;
import io.meshplane.codecs.cloudevents.KafkaBinaryCodec;
import io.meshplane.codecs.cloudevents.StructuredJsonCodec;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Headers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CloudEvents codecs on a typical catalog-change event: the Kafka binary mode (the router's per-record cost),
 * structured JSON (the ingress API) and the event-bus codec. Run with {@code -prof gc} to see allocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CloudEventCodecBenchmark {
  private final CloudEventMessageCodec messageCodec = new CloudEventMessageCodec();
  private CloudEvent event;
  private Headers headers;
  private byte[] structured;
  private Buffer wire;

  @Setup
  public void setUp() {
    byte[] data = ("{\"id\":\"urn:mesh:dataset:sales.orders\",\"type\":\"dataset\",\"domain\":\"sales\","
        + "\"owner\":\"team-sales\",\"tags\":[\"pii\",\"gold\"],\"attributes\":{\"rows\":120000,\"format\":"
        + "\"parquet\"},\"version\":42,\"updatedAt\":\"2026-01-02T03:04:05.678Z\"}").getBytes(UTF_8);
    event = CloudEvent.of("8f14e45f-ceea-467f-a0e6-7a1b2c3d4e5f", "/meshplane/catalog",
            "io.meshplane.entity.updated")
        .withData("application/json", data)
        .withSubject("urn:mesh:dataset:sales.orders")
        .withTime("2026-01-02T03:04:05.678Z")
        .withExtension(CloudEvent.PARTITION_KEY, "urn:mesh:dataset:sales.orders")
        .withExtension(CloudEvent.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    headers = KafkaBinaryCodec.toHeaders(event);
    structured = StructuredJsonCodec.encode(event);
    wire = Buffer.buffer();
    messageCodec.encodeToWire(wire, event);
  }

  @Benchmark
  public Headers kafkaHeadersEncode() {
    return KafkaBinaryCodec.toHeaders(event);
  }

  @Benchmark
  public CloudEvent kafkaRecordDecode() {
    return KafkaBinaryCodec.fromRecord(headers, event.data());
  }

  @Benchmark
  public byte[] structuredJsonEncode() {
    return StructuredJsonCodec.encode(event);
  }

  @Benchmark
  public CloudEvent structuredJsonDecode() {
    return StructuredJsonCodec.decode(structured);
  }

  @Benchmark
  public Buffer eventBusEncode() {
    Buffer buffer = Buffer.buffer(512);
    messageCodec.encodeToWire(buffer, event);
    return buffer;
  }

  @Benchmark
  public CloudEvent eventBusDecode() {
    return messageCodec.decodeFromWire(0, wire);
  }
}
