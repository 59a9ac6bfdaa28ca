package io.meshplane.routing;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The dead-letter record of a record the router could not deliver: the original key, value and headers unchanged,
 * plus headers naming the error, the route and where the record came from, so it can be inspected and replayed.
 */
public final class DeadLetters {
  public static final String ERROR = "mp-error";
  public static final String ROUTE = "mp-route";
  public static final String ORIGINAL_TOPIC = "mp-original-topic";
  public static final String ORIGINAL_PARTITION = "mp-original-partition";
  public static final String ORIGINAL_OFFSET = "mp-original-offset";

  private DeadLetters() {}

  static ProducerRecord<byte[], byte[]> of(String dlqTopic, ConsumerRecord<byte[], byte[]> record, String route,
      Throwable error) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    headers.add(ERROR, utf8(String.valueOf(error.getMessage())));
    if (route != null) {
      headers.add(ROUTE, utf8(route));
    }
    headers.add(ORIGINAL_TOPIC, utf8(record.topic()));
    headers.add(ORIGINAL_PARTITION, utf8(Integer.toString(record.partition())));
    headers.add(ORIGINAL_OFFSET, utf8(Long.toString(record.offset())));
    return new ProducerRecord<>(dlqTopic, null, record.key(), record.value(), headers);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
