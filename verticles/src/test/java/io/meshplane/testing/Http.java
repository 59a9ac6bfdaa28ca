package io.meshplane.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small blocking HTTP client for tests, talking to one node. */
public final class Http {
  // HTTP/1.1 only: the default HTTP/2 attempt adds an h2c upgrade to every first request on a connection, and a
  // test run hung once inside it
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final String token;
  private final Duration timeout;

  /** A client that presents a token with every scope. */
  public Http(int port) {
    this(port, TestTokens.all());
  }

  /** {@code token} null sends no Authorization header. */
  public Http(int port, String token) {
    this("http://127.0.0.1:" + port, token, DEFAULT_TIMEOUT);
  }

  private Http(String base, String token, Duration timeout) {
    this.base = base;
    this.token = token;
    this.timeout = timeout;
  }

  /** The same client, giving up on a request after {@code timeout}. */
  public Http withTimeout(Duration timeout) {
    return new Http(base, token, timeout);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public HttpResponse<String> put(String path, String body, String... headers) {
    return putBytes(path, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  public HttpResponse<String> putBytes(String path, byte[] body, String... headers) {
    return send(request(path, headers).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** POSTs {@code body}; pass the Content-Type among the headers. */
  public HttpResponse<String> post(String path, String body, String... headers) {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** DELETE with a JSON body, for resources named by their content (relationships, lineage edges). */
  public HttpResponse<String> delete(String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .method("DELETE", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** Any method, any body (null = none); pass the Content-Type among the headers. */
  public HttpResponse<String> exchange(String method, String path, byte[] body, String... headers) {
    return send(request(path, headers).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public HttpResponse<String> delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
