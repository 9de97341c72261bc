package io.kubecdc.demo;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sink-worker started as the operator's Deployment will run it: its own JVM with a 256 MiB
 * heap, the YAML config as a file, the ClickHouse password in its environment only.
 */
final class SinkWorkerProcess implements AutoCloseable {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final Process process;
  private final int httpPort;

  private SinkWorkerProcess(Process process, int httpPort) {
    this.process = process;
    this.httpPort = httpPort;
  }

  static SinkWorkerProcess start(
      Path repoRoot, Path config, Path log, int httpPort, String chPassword) throws IOException {
    Path module = repoRoot.resolve("sink-worker/target");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-cp",
            module.resolve("classes") + ":" + module.resolve("lib") + "/*",
            "io.kubecdc.sink.SinkWorkerMain",
            "--config",
            config.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("CLICKHOUSE_PASSWORD", chPassword);
    return new SinkWorkerProcess(pb.start(), httpPort);
  }

  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (get("/readyz").status() != 200) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the sink-worker exited with " + process.exitValue());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the sink-worker is not ready after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** One Prometheus sample value, summed over its label sets; 0 if absent. */
  double metric(String name) throws InterruptedException {
    double sum = 0;
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** SIGTERM: the worker flushes, commits and exits 0. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return process.exitValue();
  }

  private record Reply(int status, String body) {}

  private Reply get(String path) throws InterruptedException {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException notListeningYet) {
      return new Reply(-1, "");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
