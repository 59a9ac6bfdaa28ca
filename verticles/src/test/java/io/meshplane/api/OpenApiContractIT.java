package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document and the server agree: every route the server has is documented, every documented
 * operation exists, and what the server answers to a plain request is a status the document lists for it.
 */
class OpenApiContractIT {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private static NodeFixture fixture;
  private static Http http;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    fixture = NodeFixture.start();
    http = fixture.http();
    HttpResponse<String> served = http.get("/openapi.yaml");
    assertThat(served.statusCode()).isEqualTo(200);
    document = new ObjectMapper(new YAMLFactory()).readTree(served.body());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void theDocumentIsOpenApi31() {
    assertThat(document.path("openapi").asText()).startsWith("3.1");
    assertThat(operations()).isNotEmpty();
  }

  @Test
  void everyServedRouteIsDocumentedAndEveryDocumentedOperationIsServed() {
    Set<String> served = new HashSet<>(fixture.node().node().httpRoutes());
    Set<String> documented = new HashSet<>();
    operations().forEach(operation -> documented.add(operation.method().toUpperCase(Locale.ROOT) + " "
        + operation.path()));

    assertThat(served).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void everyOperationAnswersAStatusItDocuments() {
    for (Operation operation : operations()) {
      String path = operation.path().replaceAll("\\{[^}]+}", "contract-probe");
      HttpResponse<String> response = switch (operation.method()) {
        case "get" -> http.get(path);
        case "delete" -> http.delete(path);
        case "put" -> http.put(path, "{}");
        default -> http.post(path, "{}", "Content-Type", "application/json");
      };
      assertThat(operation.statuses())
          .as("%s %s answered %d: %s", operation.method(), path, response.statusCode(), response.body())
          .contains(Integer.toString(response.statusCode()));
    }
  }

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
        Map.Entry<String, JsonNode> item = items.next();
        if (METHODS.contains(item.getKey())) {
          Set<String> statuses = new HashSet<>();
          item.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
          operations.add(new Operation(item.getKey(), path.getKey(), statuses));
        }
      }
    }
    return operations;
  }

  private record Operation(String method, String path, Set<String> statuses) {}
}
