package io.meshplane.testing;

import io.meshplane.launcher.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Meshplane node in a JVM of its own, as in production: {@link Main} launched with this JVM's {@code java} and
 * class path, the node's JVM flags ({@code config/jvm.options}) and a small heap, configured with {@code --set}. Its
 * stdout and stderr go to one log file (appended to across restarts). {@link #stop()} is SIGTERM, {@link #kill()}
 * SIGKILL, and {@link #start()} again comes back on the same ports. A node still running when this JVM exits is
 * killed, whatever way the test ended.
 */
public final class NodeProcess {
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final List<String> JVM_FLAGS = jvmFlags();
  private static final Duration STOP_BOUND = Duration.ofSeconds(30);
  private static final String LAUNCH_MARKER = "=== ";
  private static final String UP_LINE = "Meshplane node up";
  private static final int TAIL_LINES = 40;

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "node-process-reaper"));
  }

  private final String name;
  private final Map<String, String> settings;
  private final Path log;
  private volatile Process process;

  /** {@code settings} must name a fixed {@code http.port}: port 0 could not be found from outside. */
  public NodeProcess(String name, Map<String, String> settings, Path log) {
    this.name = name;
    this.settings = new TreeMap<>(settings);
    this.log = log;
    if (port() == 0) {
      throw new IllegalArgumentException("a node process needs a fixed http.port");
    }
  }

  /** Launches the JVM and returns at once; {@link #awaitReady} waits for it. */
  public synchronized NodeProcess start() {
    if (alive()) {
      throw new IllegalStateException(name + " is running already");
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(JVM_FLAGS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    settings.forEach((key, value) -> {
      command.add("--set");
      command.add(key + "=" + value);
    });
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, LAUNCH_MARKER + Instant.now() + " starting " + name + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch " + name, e);
    }
    RUNNING.add(process);
    return this;
  }

  /** Waits until {@code /health/ready} answers 200; fails at once, with the log's tail, if the JVM exits instead. */
  public void awaitReady(Duration bound) {
    Http http = http();
    try {
      Poll.until(() -> {
        if (!alive()) {
          throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; its log ends:\n"
              + logTail(TAIL_LINES));
        }
        return answers(http, "/health/ready");
      }, bound, Duration.ofMillis(200), name + " becoming ready");
    } catch (AssertionError e) {
      throw alive() ? new AssertionError(e.getMessage() + "; its log ends:\n" + logTail(TAIL_LINES), e) : e;
    }
  }

  /** SIGTERM, then waits for the node to finish its shutdown; returns the exit code. */
  public int stop() {
    Process running = process;
    if (running == null) {
      throw new IllegalStateException(name + " was never started");
    }
    running.destroy();
    try {
      if (!running.waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError(name + " did not stop within " + STOP_BOUND + " of SIGTERM; its log ends:\n"
            + logTail(TAIL_LINES));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    RUNNING.remove(running);
    return running.exitValue();
  }

  /** SIGKILL: the node gets no chance to finish anything. Returns once the process is gone. */
  public void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.destroyForcibly();
    try {
      running.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    RUNNING.remove(running);
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public String name() {
    return name;
  }

  public int port() {
    return Integer.parseInt(settings.get("http.port"));
  }

  public String hazelcastAddress() {
    return "127.0.0.1:" + settings.get("hazelcast.port");
  }

  public Http http() {
    return new Http(port());
  }

  public Path log() {
    return log;
  }

  /** The last {@code lines} lines of the node's output. */
  public String logTail(int lines) {
    List<String> all = logLines();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  public List<String> logLines() {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log lines written while the node served: from its "up" line of each launch to the end of that launch. */
  public List<String> logLinesWhileUp() {
    List<String> lines = new ArrayList<>();
    boolean up = false;
    for (String line : logLines()) {
      if (line.startsWith(LAUNCH_MARKER)) {
        up = false;
      } else if (up) {
        lines.add(line);
      } else {
        up = line.contains(UP_LINE);
      }
    }
    return lines;
  }

  private static boolean answers(Http http, String path) {
    try {
      return http.get(path).statusCode() == 200;
    } catch (IllegalStateException e) {
      return false; // not listening yet
    }
  }

  /** The flags a node runs with in production, from {@code config/jvm.options}, and a heap fit for several nodes. */
  private static List<String> jvmFlags() {
    Path options = locate(Path.of("config", "jvm.options"));
    List<String> flags = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(options, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          flags.addAll(List.of(line.trim().split("\\s+")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    flags.add("-Xmx256m");
    return flags;
  }

  /** {@code relative} in the working directory or the nearest directory above it that has it. */
  private static Path locate(Path relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }
}
