package io.kubecdc.sink.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The sink-worker as the operator runs it: its own JVM, started from the module's build output with
 * a YAML config and the ClickHouse password in the environment, probed over HTTP, stopped with
 * SIGTERM or killed with SIGKILL.
 */
final class WorkerProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final Path config;
  private final Path log;
  private final int httpPort;
  private final Map<String, String> env;
  private String maxHeap = "256m";
  private Process process;

  WorkerProcess(Path config, Path log, int httpPort, Map<String, String> env) {
    this.config = config;
    this.log = log;
    this.httpPort = httpPort;
    this.env = env;
  }

  /** The JVM's {@code -Xmx} (default 256m, as deployed for ordinary event sizes). */
  WorkerProcess maxHeap(String xmx) {
    this.maxHeap = xmx;
    return this;
  }

  WorkerProcess start() throws IOException {
    // e.g. -Dworker.jvmOptions=-XX:StartFlightRecording=filename=/tmp/w.jfr to profile
    String extra = System.getProperty("worker.jvmOptions", "");
    return start(extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+")));
  }

  /** Starts the worker's JVM with {@code jvmOptions} added to the deployed ones. */
  WorkerProcess start(List<String> jvmOptions) throws IOException {
    Path module = Path.of("").toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // as the operator's Deployment runs it: a small heap, and the serial collector, which beats
    // G1 for one busy thread on two cores shared with Kafka and ClickHouse
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+UseSerialGC");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath(module));
    command.add("io.kubecdc.sink.SinkWorkerMain");
    command.add("--config");
    command.add(config.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().putAll(env);
    process = pb.start();
    return this;
  }

  /**
   * The module's jar and its dependencies, as the image ships them; the classes folder before
   * {@code package}. Class-data sharing needs the jar: it archives no classes from folders.
   */
  private static String classPath(Path module) throws IOException {
    String lib = module.resolve("target/lib") + "/*";
    try (var jars = Files.list(module.resolve("target"))) {
      return jars.filter(p -> p.getFileName().toString().matches("kubecdc-sink-worker-.*\\.jar"))
          .findFirst()
          .map(jar -> jar + ":" + lib)
          .orElse(module.resolve("target/classes") + ":" + lib);
    }
  }

  void awaitReady() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> process.isAlive() && status("/readyz") == 200);
  }

  int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String metrics() throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** A Prometheus sample of the worker, summed over its label sets; 0 when absent. */
  double metric(String name) throws IOException, InterruptedException {
    double sum = 0;
    for (String line : metrics().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** How the worker inserted: how many inserts, rows per insert, time spent waiting for them. */
  String insertSummary() throws IOException, InterruptedException {
    double inserts = metric("kubecdc_sink_insert_duration_seconds_count");
    return String.format(
        "%.0f inserts, %.0f rows per insert, %.1f s waiting for ClickHouse in all",
        inserts,
        metric("kubecdc_sink_batch_rows_sum") / Math.max(1, inserts),
        metric("kubecdc_sink_insert_duration_seconds_sum"));
  }

  /** SIGKILL: no flush, no commit. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM; returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the worker did not exit within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      kill();
    }
  }
}
