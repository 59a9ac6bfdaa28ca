package io.meshplane.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A test's witness of what arrived on Kafka topics, by CloudEvents id ({@code ce_id}) and how many times each. At
 * least once means every acknowledged id arrives; a duplicate is counted, never a failure.
 */
public final class Deliveries implements AutoCloseable {
  private static final int MISSING_NAMED = 10;

  private final TopicReader reader;

  public Deliveries(String... topics) {
    reader = new TopicReader(TestKafka.bootstrapServers(), topics);
  }

  /** Reads on until every one of {@code ids} has arrived; fails after {@code bound}, naming some that did not. */
  public Tally awaitAll(Collection<String> ids, Duration bound) {
    Set<String> expected = Set.copyOf(ids);
    try {
      reader.readUntil(records -> countById(records).keySet().containsAll(expected), bound);
    } catch (AssertionError e) {
      Map<String, Integer> arrived = countById(reader.read());
      List<String> missing = expected.stream().filter(id -> !arrived.containsKey(id)).sorted().toList();
      throw new AssertionError(missing.size() + " of " + expected.size() + " acknowledged ids did not arrive within "
          + bound + ", e.g. " + missing.subList(0, Math.min(MISSING_NAMED, missing.size())), e);
    }
    return Tally.of(expected, countById(reader.read()));
  }

  /** Every record read so far, in the order read (which is the topic's order within a partition). */
  public List<ConsumerRecord<byte[], byte[]>> records() {
    return reader.read();
  }

  @Override
  public void close() {
    reader.close();
  }

  private static Map<String, Integer> countById(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, Integer> counts = new HashMap<>();
    records.forEach(record -> counts.merge(TopicReader.header(record, "ce_id"), 1, Integer::sum));
    return counts;
  }

  /**
   * {@code duplicates}: extra arrivals of acknowledged ids; {@code unacknowledged}: ids that arrived although no
   * node acknowledged them (a request cut off after the broker had the record), or that another test wrote.
   */
  public record Tally(int acknowledged, int duplicates, int unacknowledged) {
    static Tally of(Set<String> expected, Map<String, Integer> arrived) {
      int duplicates = expected.stream().mapToInt(id -> arrived.get(id) - 1).sum();
      int others = (int) arrived.keySet().stream().filter(id -> !expected.contains(id)).count();
      return new Tally(expected.size(), duplicates, others);
    }

    @Override
    public String toString() {
      return acknowledged + " acknowledged, all arrived, " + duplicates + " duplicates, " + unacknowledged
          + " unacknowledged ids arrived too";
    }
  }
}
