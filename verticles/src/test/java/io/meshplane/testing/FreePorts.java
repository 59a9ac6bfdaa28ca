package io.meshplane.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports, asked of the OS, never the same one twice in a JVM. A port found free is released before its server
 * binds it, so the OS may offer it again to the next caller: two servers of one test would then share it.
 */
public final class FreePorts {
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  public static int next() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = askTheOs();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("the OS offered only ports already handed out");
  }

  private static int askTheOs() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
