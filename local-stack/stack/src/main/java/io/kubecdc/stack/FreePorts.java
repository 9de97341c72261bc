package io.kubecdc.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port nothing listens on right now: for a process a test starts beside the stack (a
 * second PostgreSQL, a worker), or for a test that needs an address where nothing answers.
 */
public final class FreePorts {
  private FreePorts() {}

  public static int any() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
