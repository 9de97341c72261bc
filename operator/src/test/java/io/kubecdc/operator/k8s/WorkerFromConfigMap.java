package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.operator.core.StackPipeline;
import io.kubecdc.operator.standalone.HttpSinkProbe;
import io.kubecdc.operator.standalone.LocalWorkerLauncher;
import io.kubecdc.operator.standalone.WorkerLauncher;
import io.kubecdc.stack.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The sink-worker of a pipeline run as a local process from the ConfigMap the operator rendered,
 * standing in for its pod where no kubelet runs: the ClickHouse password in a file where the
 * Deployment mounts the Secret, and a free port instead of the pod's own 8080.
 */
final class WorkerFromConfigMap implements AutoCloseable {
  private final WorkerLauncher.Handle worker;
  private final HttpSinkProbe probe;

  private WorkerFromConfigMap(WorkerLauncher.Handle worker, int port) {
    this.worker = worker;
    this.probe = new HttpSinkProbe(port);
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
    int port = FreePorts.any();
    String local =
        config.replace(SinkInputs.PASSWORD_FILE, password.toString())
            + "\nhttp:\n  port: "
            + port
            + "\n";
    Path file = Files.writeString(dir.resolve(SinkInputs.CONFIG_KEY), local);
    return new WorkerFromConfigMap(
        new LocalWorkerLauncher(StackPipeline.workerClassPath())
            .start(file, dir.resolve("worker.log")),
        port);
  }

  /** The readiness probe a kubelet would run: the worker lives and {@code /readyz} answers 200. */
  boolean ready() {
    return worker.isAlive() && probe.readyz().status() == 200;
  }

  /** Stops the worker as a pod's termination would (SIGTERM, then SIGKILL after 60 s). */
  @Override
  public void close() {
    worker.stop(Duration.ofSeconds(60));
  }
}
