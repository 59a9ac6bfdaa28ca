package io.meshplane.catalog;

import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;

/**
 * One committed change of an entity as the event log and the outbox record it: the JSON before (null when created)
 * and after (null when deleted). The outbox carries the entity as it now is, or as it was when deleted.
 */
record EntityChange(String id, EntityChangeKind kind, long version, byte[] before, byte[] after, Origin origin) {
  Tuple eventLogTuple() {
    return Tuple.of(id, kind.eventLogKind(), version, text(before), text(after), origin.actor(), origin.traceId());
  }

  Tuple outboxTuple() {
    return Tuple.of(id, kind.cloudEventType(), version, version - 1, text(after != null ? after : before),
        origin.traceparent());
  }

  private static String text(byte[] json) {
    return json == null ? null : new String(json, StandardCharsets.UTF_8);
  }
}
