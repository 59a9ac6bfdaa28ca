package io.meshplane.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slowloris-style clients: connections that send nothing, and a body trickling in a byte at a time. Each is ended by
 * a timeout the operator sets, none holds up other clients, and a body that never arrived writes nothing.
 */
class SlowClientsIT {
  private static final Logger LOG = LoggerFactory.getLogger(SlowClientsIT.class);
  private static final int REQUEST_TIMEOUT_MS = 1500;
  private static final int IDLE_TIMEOUT_MS = 1000;

  private static NodeFixture fixture;
  private static Http http;

  @BeforeAll
  static void start() {
    fixture = NodeFixture.start(settings -> {
      settings.put("http.request-timeout-ms", Integer.toString(REQUEST_TIMEOUT_MS));
      settings.put("http.idle-timeout-ms", Integer.toString(IDLE_TIMEOUT_MS));
    });
    http = fixture.http();
    assertThat(http.put("/v1/entities/urn:slowloris:cached", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void connectionsThatSendNothingAreClosedAndOthersAreServedMeanwhile() throws IOException {
    List<Socket> silent = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        silent.add(connect());
      }
      assertThat(http.get("/v1/entities/urn:slowloris:cached").statusCode()).isEqualTo(200);

      long started = System.nanoTime();
      for (Socket socket : silent) {
        assertThat(socket.getInputStream().read()).isEqualTo(-1); // closed by the server
      }
      long closedAfter = (System.nanoTime() - started) / 1_000_000;
      LOG.info("50 silent connections closed by the server within {} ms", closedAfter);
      assertThat(closedAfter).isLessThan(IDLE_TIMEOUT_MS + 5_000);
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
  }

  @Test
  void aBodyTricklingInIsCutAtTheRequestTimeoutAndWritesNothing() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("PUT /v1/entities/urn:slowloris:trickle HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + TestTokens.all() + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: 200\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long started = System.nanoTime();
      String answer = null;
      for (int sent = 1; sent < 200 && answer == null; sent++) {
        out.write(' ');
        out.flush();
        answer = readIfAny(socket, 200);
        assertThat(http.get("/v1/entities/urn:slowloris:cached").statusCode()).isEqualTo(200);
      }
      long answeredAfter = (System.nanoTime() - started) / 1_000_000;
      LOG.info("a trickling body was answered after {} ms: {}", answeredAfter,
          answer == null ? "nothing" : answer.lines().findFirst().orElse(""));

      assertThat(answer).startsWith("HTTP/1.1 503");
      assertThat(answer).contains("application/problem+json");
      assertThat(answeredAfter).isLessThan(REQUEST_TIMEOUT_MS + 3_000);
    }
    assertThat(fixture.database().queryLong("SELECT count(*) FROM mp_entity WHERE id = 'urn:slowloris:trickle'"))
        .isZero();
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", fixture.node().port());
    socket.setSoTimeout(IDLE_TIMEOUT_MS + 10_000);
    return socket;
  }

  /** What the server sent within {@code waitMs}, or null if nothing. */
  private static String readIfAny(Socket socket, int waitMs) throws IOException {
    socket.setSoTimeout(waitMs);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    try {
      int read = in.read(buffer);
      return read <= 0 ? null : new String(buffer, 0, read, StandardCharsets.US_ASCII);
    } catch (SocketTimeoutException nothingYet) {
      return null;
    } finally {
      socket.setSoTimeout(IDLE_TIMEOUT_MS + 10_000);
    }
  }
}
