package io.meshplane.config;

/** The HTTP API listener and its limits. Port 0 binds a free port; a write rate of 0 means unlimited. */
public record HttpConfig(String host, int port, int bodyLimitBytes, int requestTimeoutMs, int idleTimeoutMs,
    int writesPerSecond) {

  static HttpConfig from(ConfigValues v) {
    return new HttpConfig(
        v.nonBlank("http.host"),
        v.port("http.port"),
        v.integer("http.body-limit-bytes", 1024, 256 * 1024 * 1024),
        v.integer("http.request-timeout-ms", 100, 600_000),
        v.integer("http.idle-timeout-ms", 0, 3_600_000),
        v.integer("limits.writes-per-second", 0, 10_000_000));
  }
}
