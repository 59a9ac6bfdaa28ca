package io.meshplane.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.AppenderAttachable;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The JSON logging configuration shipped in config/ writes one parseable JSON object per event, with the MDC and the
 * trace and span ids of the span current where the line was written.
 */
class JsonLoggingTest {

  @Test
  void eachEventIsOneJsonLineWithLevelLoggerMessageMdcAndTraceIds() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getClassLoader().getResource("logback-json.xml"));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    AppenderAttachable<ILoggingEvent> traced = (AppenderAttachable<ILoggingEvent>) root.getAppender("TRACED");
    @SuppressWarnings("unchecked")
    Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) traced.getAppender("JSON")).getEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
    capture.setContext(context);
    capture.setEncoder(encoder);
    capture.setOutputStream(out);
    capture.start();
    // the shipped JSON appender writes to the console; the same encoder writes to the capture instead
    traced.detachAppender("JSON");
    traced.addAppender(capture);

    Span span = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build()
        .getTracer("test").spanBuilder("request").startSpan();
    MDC.put("route", "/v1/entities/:id");
    try (Scope ignored = span.makeCurrent()) {
      context.getLogger("io.meshplane.Example").info("entity {} written", "urn:x");
    } finally {
      span.end();
      MDC.clear();
      context.stop();
    }

    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonObject event = new JsonObject(lines[0]);
    assertThat(event.getString("level")).isEqualTo("INFO");
    assertThat(event.getString("loggerName")).isEqualTo("io.meshplane.Example");
    assertThat(event.getString("formattedMessage")).isEqualTo("entity urn:x written");
    JsonObject mdc = event.getJsonObject("mdc");
    assertThat(mdc.getString("route")).isEqualTo("/v1/entities/:id");
    assertThat(mdc.getString("trace_id")).isEqualTo(span.getSpanContext().getTraceId());
    assertThat(mdc.getString("span_id")).isEqualTo(span.getSpanContext().getSpanId());
  }
}
