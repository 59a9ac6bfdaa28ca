package io.meshplane.launcher;

import io.meshplane.config.ConfigException;
import io.meshplane.config.ConfigLoader;
import io.meshplane.config.MeshplaneConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code java -jar meshplane.jar [--config FILE] [--set key=value]…}. */
@Command(name = "meshplane", mixinStandardHelpOptions = true,
    description = "Runs a Meshplane node: catalog API, tiered entity cache.")
public final class Main implements Callable<Integer> {
  @Option(names = "--config", description = "YAML file overriding the bundled defaults")
  Path configFile;

  @Option(names = "--set", description = "override one key, e.g. --set http.port=8081")
  Map<String, String> overrides = new LinkedHashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    MeshplaneConfig config;
    try {
      config = ConfigLoader.load(configFile, overrides);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    MeshplaneNode node;
    try {
      node = MeshplaneNode.start(config).toCompletionStage().toCompletableFuture().get();
    } catch (java.util.concurrent.ExecutionException e) {
      System.err.println("Meshplane failed to start: " + e.getCause());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.stop().toCompletionStage().toCompletableFuture()
            .get(config.node().shutdownGraceMs() + 15_000L, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        System.err.println("Meshplane did not stop cleanly: " + e);
      } finally {
        stopped.countDown();
      }
    }, "meshplane-shutdown"));
    stopped.await();
    return 0;
  }
}
