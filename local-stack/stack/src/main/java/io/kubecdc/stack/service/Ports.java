package io.kubecdc.stack.service;

import io.kubecdc.stack.StackException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails early and clearly when a port the stack is about to use is taken by someone else. */
final class Ports {
  private Ports() {}

  static void requireFree(String service, int... ports) {
    for (int port : ports) {
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        throw new StackException(
            "port "
                + port
                + " for "
                + service
                + " is already in use by another process (another stack folder? see bin/stack"
                + " status --home <folder>, or choose other ports: bin/stack --help)");
      }
    }
  }
}
