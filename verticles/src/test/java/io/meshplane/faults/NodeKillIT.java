package io.meshplane.faults;

import io.meshplane.testing.AcknowledgedEvents;
import io.meshplane.testing.AcknowledgedWrites;
import io.meshplane.testing.CopyRoute;
import io.meshplane.testing.Deliveries;
import io.meshplane.testing.Metrics;
import io.meshplane.testing.NodeProcess;
import io.meshplane.testing.Poll;
import io.meshplane.testing.ProcessCluster;
import io.meshplane.testing.ProcessClusterExtension;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.Traffic;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of three node processes killed (SIGKILL) while entity writes and ingress events go to all three, then started
 * again: nothing any node acknowledged is lost. The node killed is the outbox relay, so the relay's leadership moves
 * too. A request to the killed node that failed was never acknowledged and is not counted.
 */
class NodeKillIT {
  private static final Logger LOG = LoggerFactory.getLogger(NodeKillIT.class);
  private static final String TYPE = "fault.event";
  private static final int ENTITIES = 50;
  private static final int PROGRESS = 50;
  private static final Duration BOUND = Duration.ofSeconds(120);

  @RegisterExtension
  static final ProcessClusterExtension NODES = new ProcessClusterExtension(3, settings -> { });

  @Test
  void nothingAcknowledgedIsLostWhenANodeIsKilledMidStreamAndRestarted() {
    ProcessCluster cluster = NODES.cluster();
    String target = TestKafka.uniqueTopic("fault-out");
    TestKafka.createTopic(target, 6);
    CopyRoute.put(cluster, "fault", TYPE, target);
    AcknowledgedWrites writes = new AcknowledgedWrites();
    AcknowledgedEvents events = new AcknowledgedEvents(TYPE);
    Poll.until(() -> relay(cluster).isPresent(), BOUND, Duration.ofMillis(100), "a node relaying the outbox");
    NodeProcess victim = relay(cluster).orElseThrow();

    long killed;
    try (Traffic writing = Traffic.start("writes", 2, cluster::nodes, http -> writes.put(http,
            "urn:fault:" + ThreadLocalRandom.current().nextInt(ENTITIES), "{\"at\":" + System.nanoTime() + "}"));
        Traffic posting = Traffic.start("events", 2, cluster::nodes, events::post)) {
      awaitProgress(writes::count, events::count, "before the kill");

      victim.kill();
      killed = System.nanoTime();
      LOG.info("{} (the outbox relay) killed with SIGKILL after {} writes and {} events were acknowledged",
          victim.name(), writes.count(), events.count());
      Poll.until(() -> relay(cluster).isPresent(), BOUND, Duration.ofMillis(20),
          "another node taking over the outbox relay");
      LOG.info("the outbox relay moved to another node {} ms after the kill", (System.nanoTime() - killed) / 1_000_000);

      // started again at once: it takes seconds to come up, and the two others carry the traffic meanwhile
      victim.start();
      awaitProgress(writes::count, events::count, "with " + victim.name() + " down");
      victim.awaitReady(ProcessCluster.START_BOUND);
      cluster.awaitMembers(3);
      LOG.info("{} restarted and back in the cluster {} ms after the kill", victim.name(),
          (System.nanoTime() - killed) / 1_000_000);
      awaitProgress(writes::count, events::count, "after " + victim.name() + " restarted");
    }

    writes.assertStoredIn(cluster.database());
    try (Deliveries changes = new Deliveries(cluster.setting("kafka.changes-topic"));
        Deliveries routed = new Deliveries(target, cluster.setting("kafka.dlq-topic"))) {
      LOG.info("changes topic: {} ({} writes refused)", changes.awaitAll(writes.changes(), BOUND), writes.refused());
      // the killed member holds its partitions until the group's session timeout passes, restart or not
      LOG.info("target topic and DLQ: {} ({} posts refused); the last one routed {} ms after the kill",
          routed.awaitAll(events.ids(), BOUND), events.refused(), (System.nanoTime() - killed) / 1_000_000);
    }
    Poll.until(() -> cluster.database().queryLong("SELECT count(*) FROM mp_outbox") == 0, BOUND,
        Duration.ofMillis(100), "the outbox emptying");
  }

  private static Optional<NodeProcess> relay(ProcessCluster cluster) {
    return cluster.running().stream()
        .filter(node -> Metrics.value(node.http(), "meshplane_outbox_leader") == 1).findFirst();
  }

  /** Waits until both kinds of request have made progress: the nodes still acknowledge. */
  private static void awaitProgress(IntSupplier writes, IntSupplier events, String when) {
    int writesBefore = writes.getAsInt();
    int eventsBefore = events.getAsInt();
    long took = Poll.until(() -> writes.getAsInt() >= writesBefore + PROGRESS
        && events.getAsInt() >= eventsBefore + PROGRESS, BOUND, Duration.ofMillis(20),
        PROGRESS + " more writes and events acknowledged " + when);
    LOG.info("{} more writes and events acknowledged {} in {} ms", PROGRESS, when, took / 1000);
  }
}
