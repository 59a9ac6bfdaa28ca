package io.meshplane.catalog;

import io.meshplane.observability.Tracing;

/**
 * Who made a change and in which trace: the event log keeps the trace id, the outbox the whole {@code traceparent}
 * (either may be null).
 */
record Origin(String actor, String traceparent) {
  String traceId() {
    return Tracing.traceId(traceparent);
  }
}
