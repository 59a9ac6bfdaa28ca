package io.meshplane.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The JSON logging configuration shipped in config/ writes one parseable JSON object per event, MDC included. */
class JsonLoggingTest {

  @Test
  void eachEventIsOneJsonLineWithLevelLoggerMessageAndMdc() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getClassLoader().getResource("logback-json.xml"));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    Encoder<ILoggingEvent> encoder =
        ((OutputStreamAppender<ILoggingEvent>) root.getAppender("JSON")).getEncoder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
    capture.setContext(context);
    capture.setEncoder(encoder);
    capture.setOutputStream(out);
    capture.start();
    // the shipped appender writes to the console; the same encoder writes to the capture instead
    root.detachAppender("JSON");
    root.addAppender(capture);

    MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    try {
      context.getLogger("io.meshplane.Example").info("entity {} written", "urn:x");
    } finally {
      MDC.clear();
      context.stop();
    }

    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(lines).hasSize(1);
    JsonObject event = new JsonObject(lines[0]);
    assertThat(event.getString("level")).isEqualTo("INFO");
    assertThat(event.getString("loggerName")).isEqualTo("io.meshplane.Example");
    assertThat(event.getString("formattedMessage")).isEqualTo("entity urn:x written");
    assertThat(event.getJsonObject("mdc").getString("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }
}
