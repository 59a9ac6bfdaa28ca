package io.meshplane.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meshplane.testing.FreePorts;
import io.meshplane.testing.Http;
import io.meshplane.testing.Poll;
import io.meshplane.testing.TestDatabase;
import io.meshplane.testing.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image that {@code -Pimage} builds (scripts/test.sh does): its configuration, and a real node started
 * from nothing but the image's own files — unpacked into a root of its own and run there as the image's user, with
 * a private /proc, as a container runtime would.
 */
class ContainerImageIT {
  private static final Path IMAGE = Path.of("target", "meshplane-image.tar");
  private static final Path REPOSITORY = Path.of("..");
  private static final String USER = "65532:65532";

  @TempDir
  static Path unpacked;
  private static JsonObject manifest;
  private static JsonObject config;

  @BeforeAll
  static void unpack() throws Exception {
    assumeTrue(Files.exists(IMAGE), "no image: build with -Pimage (scripts/test.sh does)");
    run("tar", "--warning=no-unknown-keyword", "-xf", IMAGE.toString(), "-C", unpacked.toString());
    manifest = new JsonArray(Files.readString(unpacked.resolve("manifest.json"))).getJsonObject(0);
    config = new JsonObject(Files.readString(unpacked.resolve(manifest.getString("Config")))).getJsonObject("config");
  }

  @Test
  void isTheImageComposeAndKubernetesRunAsNonRootWithContainerAwareMemory() throws IOException {
    String image = manifest.getJsonArray("RepoTags").getString(0);
    assertThat(Files.readString(REPOSITORY.resolve("compose/docker-compose.yaml"))).contains("image: " + image);
    assertThat(Files.readString(REPOSITORY.resolve("k8s/base/deployment.yaml"))).contains("image: " + image);

    assertThat(config.getString("User")).isEqualTo(USER);
    assertThat(config.getJsonArray("Entrypoint").getList())
        .containsSequence("/opt/java/bin/java", "@/app/config/jvm.options")
        .endsWith("io.meshplane.launcher.Main");
    assertThat(config.getJsonObject("ExposedPorts").fieldNames()).contains("8080/tcp", "5701/tcp");
    assertThat(Files.readAllLines(REPOSITORY.resolve("config/jvm.options")))
        .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="))
        .contains("-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void aNodeStartedFromTheImageFilesServesAndItsHealthProbeSaysSo() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "a private root and /proc need root (CI has it)");
    Path root = Files.createDirectories(unpacked.resolve("root"));
    for (Object layer : manifest.getJsonArray("Layers")) {
      run("tar", "--warning=no-unknown-keyword", "-xzf", unpacked.resolve((String) layer).toString(),
          "-C", root.toString());
    }
    Files.createDirectories(root.resolve("proc"));
    assertThat(root.resolve("usr")).doesNotExist(); // nothing of this machine's own system came along

    try (TestDatabase database = TestDatabase.create()) {
      int port = FreePorts.next();
      Map<String, String> settings = TestNode.isolated(database);
      settings.put("http.port", Integer.toString(port));
      List<String> command = new ArrayList<>(inImage(root));
      command.addAll(config.getJsonArray("Entrypoint").getList().stream().map(String.class::cast).toList());
      settings.forEach((key, value) -> command.add("--set=" + key + "=" + value));
      Path log = unpacked.resolve("node.log");
      Process node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        Http http = new Http(port);
        Poll.until(() -> node.isAlive() && answers(http, "/health/ready"), Duration.ofSeconds(90),
            "the node in the image becoming ready");
        assertThat(http.put("/v1/entities/urn:image:one", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
        assertThat(http.get("/v1/entities/urn:image:one").statusCode()).isEqualTo(200);

        assertThat(probe(root, "http://127.0.0.1:" + port + "/health/ready")).isZero();
        assertThat(probe(root, "http://127.0.0.1:" + FreePorts.next() + "/health/ready")).isOne();
      } catch (AssertionError | RuntimeException e) {
        System.err.println("last lines of the node in the image:\n" + tail(log));
        throw e;
      } finally {
        stop(node);
      }
    }
  }

  /**
   * SIGTERM to the node itself, then to {@code unshare}: the parent-death signal {@code unshare} arranges does not
   * survive its change of user, so the node would outlive it.
   */
  private static void stop(Process node) throws InterruptedException {
    List<ProcessHandle> inside = node.toHandle().descendants().toList();
    inside.forEach(ProcessHandle::destroy);
    for (ProcessHandle process : inside) {
      try {
        process.onExit().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        process.destroyForcibly();
      }
    }
    node.destroy();
    if (!node.waitFor(30, TimeUnit.SECONDS)) {
      node.destroyForcibly();
    }
  }

  /** Runs what follows inside {@code root}, as the image's user, with its own PID space and /proc. */
  private static List<String> inImage(Path root) {
    String[] user = USER.split(":");
    return List.of("unshare", "--fork", "--pid", "--mount", "--mount-proc",
        "--root=" + root, "--setuid", user[0], "--setgid", user[1]);
  }

  private static int probe(Path root, String url) throws Exception {
    List<String> command = new ArrayList<>(inImage(root));
    command.addAll(List.of("/opt/java/bin/java", "-cp", "/app/classes", "io.meshplane.launcher.HealthProbe", url));
    Process probe = new ProcessBuilder(command).inheritIO().start();
    assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return probe.exitValue();
  }

  private static boolean answers(Http http, String path) {
    try {
      return http.get(path).statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
