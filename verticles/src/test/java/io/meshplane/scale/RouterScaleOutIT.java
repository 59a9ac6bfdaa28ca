package io.meshplane.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.AcknowledgedEvents;
import io.meshplane.testing.ConsumerGroups;
import io.meshplane.testing.CopyRoute;
import io.meshplane.testing.Deliveries;
import io.meshplane.testing.NodeProcess;
import io.meshplane.testing.Poll;
import io.meshplane.testing.ProcessCluster;
import io.meshplane.testing.ProcessClusterExtension;
import io.meshplane.testing.TestKafka;
import io.meshplane.testing.TopicReader;
import io.meshplane.testing.Traffic;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's consumer group spread over node processes while events flow in through every node: a fourth node
 * joins, then one of the first three is stopped (SIGTERM). Every event a node acknowledged is routed, the flow goes on
 * after each change, and the ingress partitions are spread over whichever nodes are there.
 */
class RouterScaleOutIT {
  private static final Logger LOG = LoggerFactory.getLogger(RouterScaleOutIT.class);
  private static final String TYPE = "scale.event";
  private static final int FLOW_SAMPLE = 100;
  private static final Duration BOUND = Duration.ofSeconds(60);

  @RegisterExtension
  static final ProcessClusterExtension NODES = new ProcessClusterExtension(3, settings -> { });

  @Test
  void everyAcknowledgedEventIsRoutedWhileANodeJoinsAndAnotherLeaves() {
    ProcessCluster cluster = NODES.cluster();
    String target = TestKafka.uniqueTopic("scale-out");
    TestKafka.createTopic(target, 6);
    CopyRoute.put(cluster, "scale-out", TYPE, target);
    awaitSpread(cluster, 3);
    AcknowledgedEvents events = new AcknowledgedEvents(TYPE);

    try (Deliveries routed = new Deliveries(target);
        Traffic traffic = Traffic.start("events", 2, cluster::running, events::post)) {
      awaitFlow(events, routed, "with three nodes");

      cluster.add(1);
      awaitSpread(cluster, 4);
      awaitFlow(events, routed, "after a fourth node joined");

      NodeProcess leaving = cluster.node(1);
      int exitCode = leaving.stop();
      LOG.info("{} stopped by SIGTERM with exit code {}", leaving.name(), exitCode);
      assertThat(leaving.logLines()).as("%s's log", leaving.name()).anyMatch(line ->
          line.contains("Meshplane node stopped"));
      cluster.awaitMembers(3);
      awaitSpread(cluster, 3);
      awaitFlow(events, routed, "after " + leaving.name() + " left");

      traffic.stop();
      Deliveries.Tally tally = routed.awaitAll(events.ids(), BOUND);
      LOG.info("router through a join and a leave: {} ({} posts refused, {} sent in all)", tally, events.refused(),
          traffic.sent());
    }
  }

  /** Waits until the events acknowledged from now on (a sample of them) arrive on the target topic. */
  private static void awaitFlow(AcknowledgedEvents events, Deliveries routed, String when) {
    int mark = events.count();
    Poll.until(() -> events.count() >= mark + FLOW_SAMPLE, BOUND, Duration.ofMillis(20),
        FLOW_SAMPLE + " more events acknowledged " + when);
    long started = System.nanoTime();
    routed.awaitAll(events.idsAfter(mark).subList(0, FLOW_SAMPLE), BOUND);
    LOG.info("events flowing {}: {} acknowledged so far, the latest sample routed {} ms after it was complete",
        when, events.count(), (System.nanoTime() - started) / 1_000_000);
  }

  /** Waits until the group is stable with one member per running node, each owning some of the ingress partitions. */
  private static void awaitSpread(ProcessCluster cluster, int nodes) {
    String group = cluster.setting("router.consumer-group");
    String ingress = cluster.setting("kafka.ingress-topic");
    int partitions = TopicReader.partitions(TestKafka.bootstrapServers(), ingress);
    Poll.until(() -> {
      List<Integer> spread = ConsumerGroups.spread(group, ingress);
      return spread.size() == nodes && spread.stream().allMatch(count -> count > 0)
          && spread.stream().mapToInt(Integer::intValue).sum() == partitions;
    }, BOUND, Duration.ofMillis(200), "the router's partitions spread over " + nodes + " nodes");
    LOG.info("router partitions per node with {} nodes: {}", nodes, ConsumerGroups.spread(group, ingress));
  }
}
