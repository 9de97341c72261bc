package io.kubecdc.sink.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The worker's memory as the OS and its JVM see it: RSS now and at peak, heap in use. */
final class WorkerMemory {
  private WorkerMemory() {}

  static String of(WorkerProcess worker) throws Exception {
    String status = Files.readString(Path.of("/proc", Long.toString(worker.pid()), "status"));
    return "max heap 256 MiB (-Xmx256m), rss "
        + field(status, "VmRSS")
        + ", peak rss "
        + field(status, "VmHWM")
        + ", heap "
        + heap(worker.pid());
  }

  private static String field(String status, String name) {
    return status
        .lines()
        .filter(l -> l.startsWith(name + ":"))
        .map(l -> l.substring(name.length() + 1).trim())
        .findFirst()
        .orElse("?");
  }

  /** The generation lines of jcmd GC.heap_info ("total ...K, used ...K"), whatever the GC. */
  private static String heap(long pid) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info").start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(30, TimeUnit.SECONDS);
    return out.lines()
        .filter(l -> l.contains("total") && l.contains("used"))
        .map(l -> l.trim().replaceAll("\\s*\\[.*$", ""))
        .collect(java.util.stream.Collectors.joining("; "));
  }
}
