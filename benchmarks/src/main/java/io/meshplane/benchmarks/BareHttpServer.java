package io.meshplane.benchmarks;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP-stack ceiling of the load harness: a bare Vert.x server with the node's event-loop count answering every
 * request with a fixed JSON body of the entity's size, headers prepared once. {@code <port> <body-bytes> <loops>}.
 */
public final class BareHttpServer extends AbstractVerticle {
  private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("application/json");
  private static final CharSequence ETAG = HttpHeaders.createOptimized("\"1\"");
  private static final CharSequence X_CACHE = HttpHeaders.createOptimized("L1");

  private final int port;
  private final Buffer body;

  private BareHttpServer(int port, Buffer body) {
    this.port = port;
    this.body = body;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer(json(Integer.parseInt(args[1])));
    int loops = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    vertx.deployVerticle(() -> new BareHttpServer(port, body), new DeploymentOptions().setInstances(loops))
        .onSuccess(id -> System.out.println("bare Vert.x server on " + port))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }

  @Override
  public void start() {
    vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("127.0.0.1"))
        .requestHandler(request -> request.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
            .putHeader(HttpHeaders.ETAG, ETAG)
            .putHeader("X-Cache", X_CACHE)
            .end(body))
        .listen();
  }

  private static byte[] json(int size) {
    String prefix = "{\"id\":\"urn:bench:0\",\"pad\":\"";
    String suffix = "\"}";
    return (prefix + "x".repeat(Math.max(0, size - prefix.length() - suffix.length())) + suffix)
        .getBytes(StandardCharsets.UTF_8);
  }
}
