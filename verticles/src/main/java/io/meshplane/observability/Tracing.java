package io.meshplane.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The spans Meshplane makes itself, where a trace crosses Kafka: W3C {@code traceparent} is read from what arrives
 * (an outbox row, a record's headers) and written into what leaves. With tracing off it is all no-ops.
 */
public final class Tracing {
  private static final String TRACEPARENT = "traceparent";
  private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };
  private static final TextMapGetter<Headers> HEADER_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers carrier) {
      return () -> Arrays.stream(carrier.toArray()).map(Header::key).iterator();
    }

    @Override
    public String get(Headers carrier, String key) {
      Header header = carrier == null ? null : carrier.lastHeader(key);
      return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  };
  private static final TextMapSetter<Headers> HEADER_SETTER = (carrier, key, value) -> {
    carrier.remove(key);
    carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
  };

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  public Tracing(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer("io.meshplane");
  }

  /** The W3C traceparent of the span current on this thread's Vert.x context, or null outside a sampled trace. */
  public static String currentTraceparent() {
    Span span = Span.current();
    if (!span.getSpanContext().isValid()) {
      return null;
    }
    var ids = span.getSpanContext();
    return "00-" + ids.getTraceId() + "-" + ids.getSpanId() + "-" + ids.getTraceFlags().asHex();
  }

  /** The trace id inside a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null for none. */
  public static String traceId(String traceparent) {
    return traceparent == null ? null : traceparent.split("-")[1];
  }

  /** A producer span continuing the trace named by {@code traceparent} (null: a new trace). */
  public Span startSend(String name, String traceparent) {
    Context parent = openTelemetry.getPropagators().getTextMapPropagator()
        .extract(Context.root(), traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    return tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.PRODUCER).startSpan();
  }

  /** A consumer span continuing the trace carried by a record's headers. */
  public Span startReceive(String name, Headers headers) {
    Context parent = openTelemetry.getPropagators().getTextMapPropagator()
        .extract(Context.root(), headers, HEADER_GETTER);
    return tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER).startSpan();
  }

  /** Writes {@code span} as the record's current hop ({@code traceparent}, {@code tracestate}). */
  public void inject(Span span, Headers headers) {
    openTelemetry.getPropagators().getTextMapPropagator()
        .inject(Context.root().with(span), headers, HEADER_SETTER);
  }
}
