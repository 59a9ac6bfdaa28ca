package io.meshplane.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ProcessCluster} for one test class ({@code @RegisterExtension static}): started before the first test,
 * killed after the last, whatever happened. A failed test's report carries the end of every node's log; the class
 * fails if an event loop was blocked in a serving node, as {@link BlockedThreadGuard} makes it fail for nodes in this
 * JVM.
 */
public final class ProcessClusterExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessClusterExtension.class);
  private static final int TAIL_LINES = 60;

  private final int nodes;
  private final Consumer<Map<String, String>> settings;
  private ProcessCluster cluster;

  public ProcessClusterExtension(int nodes, Consumer<Map<String, String>> settings) {
    this.nodes = nodes;
    this.settings = settings;
  }

  public ProcessCluster cluster() {
    return cluster;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster = ProcessCluster.start(nodes, settings);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    if (cluster != null) {
      LOG.error("{} failed; the nodes' logs end:\n{}", context.getDisplayName(), cluster.logTails(TAIL_LINES));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (cluster == null) {
      return;
    }
    try {
      List<String> reports = cluster.blockedThreadReports();
      if (!reports.isEmpty()) {
        throw new AssertionError("an event loop was blocked in a node during " + context.getDisplayName() + ":\n"
            + String.join("\n", reports));
      }
    } finally {
      cluster.close();
    }
  }
}
