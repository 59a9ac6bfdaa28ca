package io.meshplane.outbox;

import io.meshplane.codecs.cloudevents.CloudEvent;
import io.meshplane.codecs.cloudevents.KafkaBinaryCodec;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns an outbox row into the CloudEvent published on the changes topic: key = entity id (so one entity's changes
 * stay in one partition, in order), data = the entity after the change (before it, for a delete), and the versions
 * as extensions. The event id is the entity id and version, so a republished row is recognisably the same event.
 */
final class ChangeEvents {
  static final String SOURCE = "/meshplane/catalog";
  static final String ENTITY_VERSION = "entityversion";
  static final String PREVIOUS_VERSION = "previousversion";
  static final String CHANGE_NUMBER = "changenumber";
  private static final String ENTITY_EVENT_PREFIX = "io.meshplane.entity.";

  private ChangeEvents() {}

  static ProducerRecord<byte[], byte[]> toRecord(String topic, Row row) {
    CloudEvent event = toEvent(row);
    byte[] key = row.getString("aggregate_id").getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, null, key, event.data(), KafkaBinaryCodec.toHeaders(event));
  }

  /** Built with all its attributes at once, so the event's attribute checks run once per row, not once per step. */
  static CloudEvent toEvent(Row row) {
    String entityId = row.getString("aggregate_id");
    long version = row.getLong("version");
    String payload = row.getString("payload");
    String type = row.getString("event_type");
    // entity changes are numbered by the entity's version; relationship and lineage changes by their own sequence
    boolean entityChange = type.startsWith(ENTITY_EVENT_PREFIX);
    Map<String, String> extensions = new HashMap<>(8);
    extensions.put(entityChange ? ENTITY_VERSION : CHANGE_NUMBER, Long.toString(version));
    extensions.put(CloudEvent.PARTITION_KEY, entityId);
    Long previous = row.getLong("previous_version");
    if (previous != null && previous > 0) {
      extensions.put(PREVIOUS_VERSION, Long.toString(previous));
    }
    String traceId = row.getString("trace_id");
    if (traceId != null) {
      extensions.put(CloudEvent.TRACEPARENT, traceId);
    }
    return new CloudEvent(entityChange ? entityId + "@" + version : entityId + "/" + type + "/" + version,
        SOURCE, CloudEvent.SPEC_VERSION, type, payload == null ? null : "application/json", null, entityId,
        DateTimeFormatter.ISO_INSTANT.format(row.getOffsetDateTime("created_at").toInstant()),
        payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), extensions);
  }
}
