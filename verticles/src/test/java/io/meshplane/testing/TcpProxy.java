package io.meshplane.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a real service, so a test can take the service away from one node — {@link #cut()} drops
 * every connection and refuses new ones; {@link #freeze()} keeps connections open but lets no byte through, like a
 * network that silently drops packets; {@link #delay} holds every chunk back for a while, like a slow link — and
 * give it back with {@link #restore()}, without stopping the service.
 */
public final class TcpProxy implements AutoCloseable {
  private final int port;
  private final String targetHost;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;
  private volatile boolean frozen;
  private volatile long delayMillis;

  public TcpProxy(String targetHost, int targetPort) {
    this.port = FreePorts.next();
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    restore();
  }

  public int port() {
    return port;
  }

  /** Drops every open connection and refuses new ones. */
  public synchronized void cut() {
    closeQuietly(server);
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  /** Connections stay open and new ones are accepted, but nothing is forwarded. */
  public void freeze() {
    frozen = true;
  }

  /** Every chunk, either way, is forwarded {@code delay} after it arrived: a round trip costs twice that. */
  public void delay(Duration delay) {
    delayMillis = delay.toMillis();
  }

  public synchronized void restore() {
    frozen = false;
    delayMillis = 0;
    if (server != null && !server.isClosed()) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      server = socket;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + port, e);
    }
    Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @Override
  public void close() {
    cut();
  }

  private void accept(ServerSocket listening) {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket upstream = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return; // cut() closed the listening socket
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          while (frozen && !to.isClosed()) {
            Thread.onSpinWait(); // hold the bytes back, as a dead network would
          }
          if (delayMillis > 0) {
            Thread.sleep(delayMillis); // this pump's own thread: a slow link, not a test waiting
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // one side closed: close both below
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      // already closed
    }
  }
}
