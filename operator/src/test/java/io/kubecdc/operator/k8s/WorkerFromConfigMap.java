package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.operator.core.WorkerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The sink-worker of a pipeline run as a local process from the ConfigMap the operator rendered,
 * standing in for its pod where no kubelet runs: the ClickHouse password in a file where the
 * Deployment mounts the Secret, and a free port instead of the pod's own 8080.
 */
final class WorkerFromConfigMap implements AutoCloseable {
  private final Process process;
  private final int port;

  private WorkerFromConfigMap(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the worker of ConfigMap {@code ns/name}, with its files and log in {@code dir}. */
  static WorkerFromConfigMap start(
      KubernetesClient client, String ns, String name, String clickhousePassword, Path dir)
      throws IOException {
    String config =
        client
            .configMaps()
            .inNamespace(ns)
            .withName(name)
            .get()
            .getData()
            .get(SinkInputs.CONFIG_KEY);
    Path password = Files.writeString(dir.resolve("ch-password"), clickhousePassword);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String local =
        config.replace(SinkInputs.PASSWORD_FILE, password.toString())
            + "\nhttp:\n  port: "
            + port
            + "\n";
    Path file = Files.writeString(dir.resolve(SinkInputs.CONFIG_KEY), local);
    return new WorkerFromConfigMap(WorkerProcess.start(file, dir.resolve("worker.log")), port);
  }

  /** The worker's readiness probe: {@code /readyz} answers 200. */
  boolean ready() {
    if (!process.isAlive()) {
      return false;
    }
    try {
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HttpClient.newHttpClient()
              .send(request, HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the worker as a pod's termination would, and waits for it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
