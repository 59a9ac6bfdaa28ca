package io.meshplane.config;

/** The outbox relay's pace and its backoff while the broker is unreachable. */
public record OutboxConfig(int pollIntervalMs, int batchSize, int retryBackoffMs, int retryBackoffMaxMs) {

  static OutboxConfig from(ConfigValues v) {
    int backoff = v.integer("outbox.retry-backoff-ms", 1, 600_000);
    return new OutboxConfig(
        v.integer("outbox.poll-interval-ms", 1, 60_000),
        v.integer("outbox.batch-size", 1, 10_000),
        backoff,
        v.integer("outbox.retry-backoff-max-ms", backoff, 3_600_000));
  }
}
