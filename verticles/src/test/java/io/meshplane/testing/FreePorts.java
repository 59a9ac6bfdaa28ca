package io.meshplane.testing;

import java.io.IOException;
import java.net.ServerSocket;

/** Free TCP ports, asked of the OS. */
public final class FreePorts {
  private FreePorts() {}

  public static int next() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
