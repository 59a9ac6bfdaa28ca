package io.meshplane.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/** How the shared test broker spreads a consumer group's partitions over its members, as its coordinator sees it. */
public final class ConsumerGroups {
  private static final long TIMEOUT_SECONDS = 10;

  private ConsumerGroups() {}

  /**
   * Partitions of {@code topic} per member of {@code group}, largest first, while the group is stable; empty while it
   * is rebalancing (or unknown).
   */
  public static List<Integer> spread(String group, String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestKafka.bootstrapServers()))) {
      ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group);
      if (description.groupState() != GroupState.STABLE) {
        return List.of();
      }
      return description.members().stream()
          .map(member -> (int) member.assignment().topicPartitions().stream()
              .filter(partition -> partition.topic().equals(topic)).count())
          .sorted((a, b) -> b - a).toList();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe group " + group, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
