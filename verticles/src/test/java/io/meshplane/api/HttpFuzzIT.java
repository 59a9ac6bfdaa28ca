package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.BlockedThreadGuard;
import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated requests against one real node: random methods, paths and ids (encoded, traversing, oversized),
 * query values, conditional headers, content types, and bodies that are valid catalog documents, mutations of them
 * (fields dropped or replaced, truncated, bytes flipped, NUL and overlong UTF-8 injected) or random JSON. Whatever
 * arrives: never a 5xx, every refusal a problem+json with its reason, nothing written by a refused request, and the
 * node stays live with its event loops free.
 */
class HttpFuzzIT {
  private static final List<String> VALID_BODIES = List.of(
      "{\"type\":\"dataset\",\"domain\":\"sales\",\"owner\":\"team\",\"tags\":[\"a\"],\"attributes\":{\"rows\":1}}",
      "{\"from\":\"urn:fuzz:a\",\"type\":\"feeds\",\"to\":\"urn:fuzz:b\",\"properties\":{\"k\":1}}",
      "{\"upstream\":\"urn:fuzz:a\",\"downstream\":\"urn:fuzz:b\",\"transformation\":\"sql\",\"job\":\"j\"}",
      "{\"format\":\"json-schema\",\"definition\":{\"type\":\"object\",\"properties\":{\"rows\":{\"type\":\"integer\"}}}}",
      "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/fuzz\",\"type\":\"order.created\",\"data\":{\"amount\":5}}",
      "{\"from\":[\"meshplane.events.in\"],\"match\":{\"attr\":\"type\",\"op\":\"eq\",\"value\":\"x\"},"
          + "\"to\":[\"fuzz.out\"]}");

  private static NodeFixture fixture;
  private static Http http;

  @BeforeContainer
  static void start() {
    fixture = NodeFixture.start();
    http = fixture.http();
    // two entities the generated relationship and lineage bodies can name
    http.put("/v1/entities/urn:fuzz:a", VALID_BODIES.get(0));
    http.put("/v1/entities/urn:fuzz:b", VALID_BODIES.get(0));
    BlockedThreadGuard.drain();
  }

  @AfterContainer
  static void stop() {
    try {
      assertThat(BlockedThreadGuard.drain()).as("blocked-thread reports").isEmpty();
    } finally {
      fixture.close();
    }
  }

  @Property(tries = 2500)
  void everyRequestIsAnsweredWithoutAServerErrorAndRefusalsWriteNothing(
      @ForAll("methods") String method, @ForAll("paths") String path, @ForAll("bodies") byte[] body,
      @ForAll("contentTypes") String contentType, @ForAll("conditions") String[] conditions) {
    long changesBefore = recordedChanges();
    String[] headers = contentType == null ? conditions : concat(conditions, "Content-Type", contentType);

    HttpResponse<String> response;
    try {
      response = http.exchange(method, path, "GET".equals(method) || "HEAD".equals(method) ? null : body, headers);
    } catch (IllegalArgumentException unsendable) {
      return; // the client itself refuses to send it (a path it cannot encode): nothing reached the node
    }

    int status = response.statusCode();
    String request = method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path);
    assertThat(status).as("%s → %s", request, response.body()).isLessThan(500);
    if (status >= 400) {
      if (!"HEAD".equals(method)) {
        assertThat(response.headers().firstValue("Content-Type")).as(request).hasValue("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("detail")).as(request).isNotBlank();
      }
      assertThat(recordedChanges()).as("changes after a refused %s", request).isEqualTo(changesBefore);
    }
  }

  @Property(tries = 1)
  void theNodeIsStillLiveAndReady() {
    assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS");
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> id = ids();
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(12),
        Arbitraries.of("", "-1", "0", "99999999999999999999", "latest", "both", "in", "out", "upstream", "%00",
            "1e3", "null", "%FF"));
    return Arbitraries.oneOf(
        id.map(i -> "/v1/entities/" + i),
        Combinators.combine(id, id).as((a, b) -> "/v1/entities?ids=" + a + "," + b),
        Arbitraries.integers().between(0, 10_500).map(n -> "/v1/entities?ids=" + "x,".repeat(n)),
        Combinators.combine(id, word, word).as((i, a, b) -> "/v1/entities/" + i + "/history?limit=" + a
            + "&cursor=" + b),
        Combinators.combine(id, word, word).as((i, a, b) -> "/v1/entities/" + i + "/relationships?direction=" + a
            + "&type=" + b),
        Combinators.combine(id, word, word).as((i, a, b) -> "/v1/entities/" + i + "/lineage?direction=" + a
            + "&depth=" + b),
        Arbitraries.of("/v1/relationships", "/v1/lineage", "/v1/events", "/v1/routes", "/v1/schemas",
            "/health/live", "/metrics", "/openapi.yaml", "/", "/v1", "/v2/entities/a", "/v1/entities/"),
        word.map(s -> "/v1/schemas/" + s + "/versions"),
        Combinators.combine(word, word).as((s, v) -> "/v1/schemas/" + s + "/versions/" + v),
        word.map(name -> "/v1/routes/" + name));
  }

  private static Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.of("urn:fuzz:a", "urn:fuzz:b", "urn:fuzz:missing", "a%2Fb", "..", "%2E%2E", "..%2F..%2Fetc",
            "a%00b", "%C0%AF", "%E2%80%AE", "a%20b", "%", "%zz", "urn:mesh:dataset:sales.orders@v1"),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)
            .map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8)),
        Arbitraries.integers().between(250, 5000).map("x"::repeat));
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<String> valid = Arbitraries.of(VALID_BODIES);
    return Arbitraries.oneOf(
        valid.map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Combinators.combine(valid, Arbitraries.integers().between(0, 200)).as(HttpFuzzIT::truncated),
        Combinators.combine(valid, Arbitraries.integers().between(0, 200), Arbitraries.bytes())
            .as(HttpFuzzIT::flipped),
        Combinators.combine(valid, jsonValues()).as(HttpFuzzIT::withReplacedField),
        jsonValues().map(s -> s.getBytes(StandardCharsets.UTF_8)),
        valid.map(s -> s.replaceFirst("\"t", "\"\u0000t").getBytes(StandardCharsets.UTF_8)),
        valid.map(HttpFuzzIT::withOverlongSlash),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
        Arbitraries.just(new byte[0]));
  }

  /** Random JSON: scalars, arrays and objects, nested a few levels (and now and then far too deep). */
  private static Arbitrary<String> jsonValues() {
    return Arbitraries.lazyOf(
        () -> Arbitraries.of("null", "true", "false", "0", "-1.5e308", "1e999", "\"\"", "\"x\"", "\"\\ud800\"",
            "\"\\u0000\"", "[]", "{}"),
        () -> Arbitraries.strings().ofMaxLength(20).map(s -> JsonObject.of("s", s).encode().substring(5).replaceAll(
            "}$", "")),
        () -> jsonValues().list().ofMaxSize(4).map(values -> "[" + String.join(",", values) + "]"),
        () -> Combinators.combine(Arbitraries.of("type", "id", "attributes", "tags", "schemaRef", "from", "to",
            "data", "match", "definition", "x"), jsonValues()).as((k, v) -> "{\"" + k + "\":" + v + "}"),
        () -> Arbitraries.integers().between(30, 200).map(n -> "[".repeat(n) + "]".repeat(n)));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/json", "application/cloudevents+json", "application/cloudevents-batch+json",
        "text/plain", "application/json; charset=latin1", "garbage/", "multipart/form-data; boundary=x")
        .injectNull(0.1);
  }

  @Provide
  Arbitrary<String[]> conditions() {
    Arbitrary<String> tag = Arbitraries.of("*", "\"1\"", "\"2\", \"3\"", "W/\"1\"", "junk", "\"\"", "\"-1\"",
        "\"99999999999999999999\"");
    return Arbitraries.oneOf(
        Arbitraries.just(new String[0]),
        tag.map(t -> new String[] {"If-Match", t}),
        tag.map(t -> new String[] {"If-None-Match", t}));
  }

  private static byte[] truncated(String body, int at) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(bytes, Math.min(at, bytes.length));
  }

  private static byte[] flipped(String body, int at, byte value) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    bytes[at % bytes.length] = value;
    return bytes;
  }

  private static byte[] withReplacedField(String body, String value) {
    JsonObject document = new JsonObject(body);
    String field = document.fieldNames().iterator().next();
    String replaced = document.encode().replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)",
        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value));
    return replaced.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withOverlongSlash(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(bytes, bytes.length + 2);
    int quote = body.indexOf('"', body.indexOf(':')) + 1;
    System.arraycopy(bytes, quote, out, quote + 2, bytes.length - quote);
    out[quote] = (byte) 0xC0;
    out[quote + 1] = (byte) 0xAF;
    return out;
  }

  private static String[] concat(String[] headers, String name, String value) {
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = name;
    all[headers.length + 1] = value;
    return all;
  }

  /** Every committed change leaves an event-log entry (entities, edges) or a new route or schema version. */
  private static long recordedChanges() {
    return fixture.database().queryLong("SELECT (SELECT count(*) FROM mp_event_log) + (SELECT count(*) FROM mp_route)"
        + " + (SELECT count(*) FROM mp_schema)");
  }
}
