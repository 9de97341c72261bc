package io.kubecdc.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers of the life-cycle ITs, which run a second stack in a folder and on ports of their own.
 */
final class StackTestSupport {
  private StackTestSupport() {}

  /**
   * What {@code bin/stack <command> --<option> <value>...} prints. All options are passed, as the
   * environment (KUBECDC_STACK_*) would otherwise win over what the stack folder recorded.
   */
  static String cli(String command, Map<String, String> options) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of(command));
    options.forEach((k, v) -> args.addAll(List.of("--" + k, v)));
    StackCli.run(args.toArray(String[]::new), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The recorded pid files of a stack folder, by file name. */
  static Map<String, String> pids(String home) throws IOException {
    Map<String, String> pids = new HashMap<>();
    try (var files = Files.list(Path.of(home, "run"))) {
      for (Path f : files.toList()) {
        pids.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return pids;
  }

  static boolean portOpen(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
