package io.meshplane.config;

/** Process-wide runtime settings. {@code eventLoops} 0 means two per available core; tracing is off by default. */
public record NodeConfig(int eventLoops, int maxEventLoopExecuteMs, int shutdownGraceMs, boolean tracing) {

  static NodeConfig from(ConfigValues v) {
    return new NodeConfig(
        v.integer("node.event-loops", 0, 1024),
        v.integer("node.max-event-loop-execute-ms", 10, 600_000),
        v.integer("node.shutdown-grace-ms", 0, 600_000),
        v.bool("tracing.enabled"));
  }

  public int effectiveEventLoops() {
    return eventLoops > 0 ? eventLoops : 2 * Runtime.getRuntime().availableProcessors();
  }
}
