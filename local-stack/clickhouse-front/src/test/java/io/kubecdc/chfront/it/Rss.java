package io.kubecdc.chfront.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, from /proc (Linux), for test output only. */
final class Rss {
  private Rss() {}

  static String ofSelf() {
    return of(ProcessHandle.current().pid());
  }

  static String of(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return line.substring("VmRSS:".length()).trim();
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return "n/a";
  }
}
