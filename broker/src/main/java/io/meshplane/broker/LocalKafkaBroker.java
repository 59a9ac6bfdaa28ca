package io.meshplane.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A real Apache Kafka node (KRaft, controller and broker in one) running inside this JVM, listening on 127.0.0.1.
 * Its data directory and ports stay the same across {@link #stop()} and {@link #restart()}, so a test can take the
 * broker away and bring it back with everything written before the outage still there.
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final int port;
  private final Properties properties;
  private KafkaRaftServer server;

  private LocalKafkaBroker(Path dataDir, int port, int controllerPort) {
    this.dataDir = dataDir;
    this.port = port;
    this.properties = SingleNodeProperties.of(dataDir, HOST, port, controllerPort);
  }

  /**
   * Formats {@code dataDir} unless an earlier run did, starts the node and returns once it serves clients.
   *
   * @param port the client port; 0 picks a free one, which then stays the same across restarts
   */
  public static LocalKafkaBroker start(Path dataDir, int port) {
    int[] ports = clientAndControllerPorts(port, LocalKafkaBroker::freePort);
    LocalKafkaBroker broker = new LocalKafkaBroker(dataDir, ports[0], ports[1]);
    broker.format();
    broker.startServer();
    return broker;
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Shuts the node down and waits until it has; its data stays. Does nothing if it is stopped. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  /** Starts the node again on the same data and ports; returns once it serves clients. */
  public synchronized void restart() {
    stop();
    startServer();
  }

  @Override
  public void close() {
    stop();
  }

  private void format() {
    // A directory an earlier run formatted keeps its cluster id, and with it its data.
    if (Files.exists(dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
      new Formatter()
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(SingleNodeProperties.NODE_ID)
          .setControllerListenerName(SingleNodeProperties.CONTROLLER_LISTENER)
          .setDirectories(List.of(dataDir.toString()))
          .setMetadataLogDirectory(dataDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + dataDir, e);
    }
  }

  private synchronized void startServer() {
    KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
    try {
      starting.startup();
      awaitServing();
    } catch (RuntimeException e) {
      starting.shutdown();
      starting.awaitShutdown();
      throw e;
    }
    server = starting;
  }

  /** Startup returns once the broker is unfenced; a metadata round trip proves clients can reach it. */
  private void awaitServing() {
    Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(config)) {
      DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis());
      if (admin.describeCluster(options).nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty()) {
        throw new IllegalStateException("Kafka on " + bootstrapServers() + " reports no broker");
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The client port ({@code port}, or a free one for 0) and a controller port that differs from it. A port found free
   * is released before the broker binds it, so the system may offer the same one twice in a row: Kafka then refuses to
   * start with two listeners on one port.
   */
  static int[] clientAndControllerPorts(int port, IntSupplier freePorts) {
    int client = port == 0 ? freePorts.getAsInt() : port;
    for (int attempt = 0; attempt < 100; attempt++) {
      int controller = freePorts.getAsInt();
      if (controller != client) {
        return new int[] {client, controller};
      }
    }
    throw new IllegalStateException("no free port other than " + client + " for the controller");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the broker as its own process until SIGTERM; prints one line once clients can use it. */
  public static void main(String[] args) {
    // Kafka's INFO chatter would drown the one line a script waits for; set before anything logs.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "meshplane-broker-logback.xml");
    }
    System.exit(new CommandLine(new Cli()).execute(args));
  }

  @Command(name = "meshplane-broker", mixinStandardHelpOptions = true,
      description = "Runs a single-node Apache Kafka broker (KRaft) on 127.0.0.1 until stopped.")
  private static final class Cli implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "client port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "run/kafka", description = "storage (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
      LocalKafkaBroker broker = start(dataDir, port);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
      System.out.println("Kafka broker up on " + broker.bootstrapServers());
      // Kafka's own threads serve clients; this one only waits for the JVM to be told to exit.
      Thread.currentThread().join();
      return 0;
    }
  }
}
