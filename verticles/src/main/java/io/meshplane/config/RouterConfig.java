package io.meshplane.config;

/** The event router: its consumer group, retries before the dead-letter topic, and how fast rule changes apply. */
public record RouterConfig(String consumerGroup, int maxAttempts, int retryBackoffMs, int refreshIntervalMs) {

  static RouterConfig from(ConfigValues v) {
    return new RouterConfig(
        v.nonBlank("router.consumer-group"),
        v.integer("router.max-attempts", 1, 100),
        v.integer("router.retry-backoff-ms", 0, 600_000),
        v.integer("router.refresh-interval-ms", 10, 1000));
  }
}
