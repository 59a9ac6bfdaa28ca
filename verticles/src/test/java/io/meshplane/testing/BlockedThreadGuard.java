package io.meshplane.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test class if Vert.x's blocked-thread checker reported anything while it ran. Registered for every test
 * class through JUnit's extension auto-detection.
 */
public final class BlockedThreadGuard implements BeforeAllCallback, AfterAllCallback {
  /** The logger Vert.x's checker writes to. */
  public static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";
  private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
  private static final AppenderBase<ILoggingEvent> APPENDER = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      REPORTS.add(event.getFormattedMessage());
    }
  };

  static {
    APPENDER.setName("blocked-thread-guard");
    APPENDER.start();
    ((Logger) LoggerFactory.getLogger(CHECKER_LOGGER)).addAppender(APPENDER);
  }

  /** Hands over (and forgets) what was reported so far; for the test that proves the guard works. */
  public static List<String> drain() {
    List<String> reports = List.copyOf(REPORTS);
    REPORTS.clear();
    return reports;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    REPORTS.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> reports = drain();
    if (!reports.isEmpty()) {
      throw new AssertionError("an event loop was blocked during " + context.getDisplayName() + ":\n"
          + String.join("\n", reports));
    }
  }
}
