package io.meshplane.launcher;

import io.meshplane.config.ConfigException;
import io.meshplane.config.ConfigLoader;
import io.meshplane.config.MeshplaneConfig;
import java.nio.file.Path;
import java.time.Duration;
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
    description = "Runs a Meshplane node: catalog API, tiered entity cache, outbox relay, event router.",
    subcommands = Main.Token.class)
public final class Main implements Callable<Integer> {
  @Option(names = "--config", description = "YAML file overriding the bundled defaults")
  Path configFile;

  @Option(names = "--set", description = "override one key, e.g. --set http.port=8081")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** {@code meshplane token}: a development token signed with the configured HS256 secret. */
  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Prints a bearer token signed with auth.jwt.secret, for development.")
  static final class Token implements Callable<Integer> {
    @Option(names = "--sub", description = "the caller, recorded as the actor of its writes", defaultValue = "dev")
    String subject;

    @Option(names = "--scope", defaultValue = "catalog:write events:publish routes:admin",
        description = "space-separated scopes (default: ${DEFAULT-VALUE})")
    String scopes;

    @Option(names = "--ttl-minutes", defaultValue = "60")
    long ttlMinutes;

    @CommandLine.ParentCommand
    Main parent;

    @Override
    public Integer call() {
      MeshplaneConfig config;
      try {
        config = ConfigLoader.load(parent.configFile, parent.overrides);
      } catch (ConfigException e) {
        System.err.println(e.getMessage());
        return 2;
      }
      if (config.auth().secret() == null) {
        System.err.println("auth.jwt.secret is not set: tokens for RS256 keys come from their issuer");
        return 2;
      }
      System.out.println(DevToken.mint(config.auth().secret(), subject, scopes, Duration.ofMinutes(ttlMinutes)));
      return 0;
    }
  }

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
