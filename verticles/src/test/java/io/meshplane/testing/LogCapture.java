package io.meshplane.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Collects the ERROR lines every logger writes while it is open, so a test can check that none was written. */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> errors = new CopyOnWriteArrayList<>();

  public static LogCapture errors() {
    LogCapture capture = new LogCapture();
    capture.setName("log-capture");
    capture.start();
    root().addAppender(capture);
    return capture;
  }

  public List<String> messages() {
    return List.copyOf(errors);
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      errors.add(event.getLoggerName() + ": " + event.getFormattedMessage());
    }
  }

  @Override
  public void close() {
    root().detachAppender(this);
    stop();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
