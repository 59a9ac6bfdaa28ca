package io.meshplane.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Compose and Kubernetes files, checked offline: they parse, refer to files, labels, ports, probe paths and
 * configuration keys that exist, and use no field outside the known ones (a typo such as {@code readinessProbes}
 * would otherwise be ignored by a lenient parser).
 */
class DeploymentManifestsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path ROOT = root();
  private static final Set<String> CONTAINER_FIELDS = Set.of("name", "image", "ports", "envFrom", "env", "resources",
      "startupProbe", "livenessProbe", "readinessProbe", "lifecycle", "securityContext", "volumeMounts");
  private static final Set<String> POD_SPEC_FIELDS = Set.of("terminationGracePeriodSeconds", "securityContext",
      "affinity", "containers", "volumes");
  private static final Set<String> METRICS = Set.of("vertx_http_server_requests_total",
      "vertx_http_server_response_time_seconds_bucket", "meshplane_cache_answers_total",
      "meshplane_router_records_total", "meshplane_outbox_publish_lag_seconds", "meshplane_cluster_members");

  @Test
  void everyFileParsesAndEveryKubernetesObjectIsNamed() throws IOException {
    for (Path file : yamlFiles()) {
      List<JsonNode> documents = documents(file);
      assertThat(documents).as(file.toString()).isNotEmpty();
      if (file.startsWith(ROOT.resolve("k8s"))) {
        for (JsonNode document : documents) {
          assertThat(document.path("apiVersion").asText()).as(file + " apiVersion").isNotEmpty();
          assertThat(document.path("kind").asText()).as(file + " kind").isNotEmpty();
          if (!document.path("kind").asText().equals("Kustomization")) {
            assertThat(document.path("metadata").path("name").asText()).as(file + " metadata.name").isNotEmpty();
          }
        }
      }
    }
  }

  @Test
  void kustomizationsReferToFilesThatExist() throws IOException {
    for (Path file : yamlFiles()) {
      if (!file.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      JsonNode kustomization = documents(file).get(0);
      List<String> references = new ArrayList<>();
      kustomization.path("resources").forEach(r -> references.add(r.asText()));
      kustomization.path("patches").forEach(p -> references.add(p.path("path").asText()));
      for (String reference : references) {
        assertThat(file.getParent().resolve(reference)).as(file + " → " + reference).exists();
      }
    }
  }

  @Test
  void servicesBudgetAndAutoscalerAllPointAtTheDeployment() throws IOException {
    JsonNode deployment = k8s("deployment.yaml");
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    assertThat(deployment.path("spec").path("selector").path("matchLabels")).isEqualTo(podLabels);
    for (String file : List.of("service.yaml", "service-hazelcast.yaml")) {
      assertSelects(podLabels, k8s(file).path("spec").path("selector"), file);
    }
    assertSelects(podLabels, k8s("pdb.yaml").path("spec").path("selector").path("matchLabels"), "pdb.yaml");
    assertSelects(podLabels, k8s("networkpolicy.yaml").path("spec").path("podSelector").path("matchLabels"),
        "networkpolicy.yaml");
    JsonNode target = k8s("hpa.yaml").path("spec").path("scaleTargetRef");
    assertThat(target.path("kind").asText()).isEqualTo("Deployment");
    assertThat(target.path("name").asText()).isEqualTo(deployment.path("metadata").path("name").asText());
    assertThat(k8s("service-hazelcast.yaml").path("spec").path("clusterIP").asText()).isEqualTo("None");
  }

  @Test
  void probesAndPortsMatchTheApplication() throws IOException {
    JsonNode defaults = YAML.readTree(ROOT.resolve("config/meshplane.yaml").toFile());
    JsonNode openapiPaths = YAML.readTree(ROOT.resolve("docs/openapi.yaml").toFile()).path("paths");
    JsonNode container = k8s("deployment.yaml").path("spec").path("template").path("spec").path("containers").get(0);
    Map<String, Integer> ports = new HashMap<>();
    container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));

    assertThat(ports).containsEntry("http", defaults.path("http").path("port").asInt())
        .containsEntry("hazelcast", defaults.path("hazelcast").path("port").asInt());
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      JsonNode get = container.path(probe).path("httpGet");
      assertThat(openapiPaths.has(get.path("path").asText())).as(probe + " path").isTrue();
      assertThat(ports).as(probe + " port").containsKey(get.path("port").asText());
    }
  }

  @Test
  void onlyKnownFieldsAreUsedOnThePodTemplate() throws IOException {
    JsonNode podSpec = k8s("deployment.yaml").path("spec").path("template").path("spec");
    assertThat(fieldNames(podSpec)).isSubsetOf(POD_SPEC_FIELDS);
    for (JsonNode container : podSpec.path("containers")) {
      assertThat(fieldNames(container)).isSubsetOf(CONTAINER_FIELDS);
    }
  }

  @Test
  void everyMeshplaneVariableNamesAConfigurationKey() throws IOException {
    Set<String> known = new HashSet<>();
    flattenKeys("", YAML.readTree(ROOT.resolve("config/meshplane.yaml").toFile()), known);
    Set<String> used = new HashSet<>();
    Pattern variable = Pattern.compile("\\b(MESHPLANE_[A-Z0-9_]+)\\b");
    for (Path file : List.of(ROOT.resolve("compose/docker-compose.yaml"), ROOT.resolve("k8s/base/configmap.yaml"),
        ROOT.resolve("k8s/base/secret.example.yaml"))) {
      Matcher matcher = variable.matcher(Files.readString(file));
      while (matcher.find()) {
        used.add(matcher.group(1));
      }
    }
    assertThat(used).isNotEmpty().isSubsetOf(known);
  }

  @Test
  void composeRunsTheWholeStackAndPrometheusScrapesEveryNode() throws IOException {
    JsonNode compose = documents(ROOT.resolve("compose/docker-compose.yaml")).get(0);
    assertThat(fieldNames(compose.path("services"))).containsExactlyInAnyOrder("postgres", "redis", "kafka", "node1",
        "node2", "node3", "prometheus", "grafana", "jaeger");
    JsonNode job = documents(ROOT.resolve("compose/prometheus.yml")).get(0).path("scrape_configs").get(0);
    assertThat(job.path("metrics_path").asText()).isEqualTo("/metrics");
    List<String> targets = new ArrayList<>();
    job.path("static_configs").get(0).path("targets").forEach(t -> targets.add(t.asText()));
    assertThat(targets).containsExactlyInAnyOrder("node1:8080", "node2:8080", "node3:8080");

    JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("compose/grafana/dashboards/meshplane.json")
        .toFile());
    Pattern metric = Pattern.compile("\\b((?:vertx|meshplane)_[a-z_]+)");
    for (JsonNode panel : dashboard.path("panels")) {
      Matcher matcher = metric.matcher(panel.path("targets").get(0).path("expr").asText());
      assertThat(matcher.find()).as(panel.path("title").asText()).isTrue();
      do {
        assertThat(METRICS).as(panel.path("title").asText()).contains(matcher.group(1));
      } while (matcher.find());
    }
  }

  private static void assertSelects(JsonNode podLabels, JsonNode selector, String file) {
    assertThat(selector.size()).as(file + " selector").isPositive();
    selector.fields().forEachRemaining(label ->
        assertThat(podLabels.path(label.getKey()).asText()).as(file + " " + label.getKey())
            .isEqualTo(label.getValue().asText()));
  }

  private static JsonNode k8s(String baseFile) throws IOException {
    return documents(ROOT.resolve("k8s/base").resolve(baseFile)).get(0);
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (it.hasNext()) {
        documents.add(it.next());
      }
    }
    return documents;
  }

  private static List<Path> yamlFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("compose", "k8s")) {
      try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
      }
    }
    assertThat(files).isNotEmpty();
    return files;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void flattenKeys(String prefix, JsonNode node, Set<String> into) {
    if (!node.isObject()) {
      into.add("MESHPLANE_" + prefix.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      flattenKeys(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
    }
  }

  /** Surefire runs in verticles/; the repository root is the first parent holding compose/ and k8s/. */
  private static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s")) && Files.isDirectory(dir.resolve("compose"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root with compose/ and k8s/ above " + Path.of("").toAbsolutePath());
  }
}
