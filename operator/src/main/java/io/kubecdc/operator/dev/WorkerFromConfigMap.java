package io.kubecdc.operator.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.operator.standalone.HttpSinkProbe;
import io.kubecdc.operator.standalone.LocalWorkerLauncher;
import io.kubecdc.operator.standalone.StateDir;
import io.kubecdc.operator.standalone.WorkerLauncher;
import io.kubecdc.operator.standalone.WorkerSupervisor;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sink-worker of one pod run as a local process, standing in for the container where no kubelet
 * runs: the pod's volumes are written to its folder ({@link PodVolumes}: the rendered ConfigMap,
 * the ClickHouse password from the Secret the Deployment mounts), the paths in the config file of
 * {@code --config} are translated to them, and the worker gets a free port instead of the pod's own
 * 8080. The container's image and environment are not used: the worker runs from the given class
 * path.
 */
public final class WorkerFromConfigMap implements AutoCloseable {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final WorkerLauncher.Handle worker;
  private final HttpSinkProbe probe;
  private final int port;
  private final Path log;

  private WorkerFromConfigMap(WorkerLauncher.Handle worker, int port, Path log) {
    this.worker = worker;
    this.port = port;
    this.log = log;
    this.probe = new HttpSinkProbe(port);
  }

  /**
   * Starts the worker container of {@code pod} from what its spec references, with its files and
   * log in {@code dir}; empty while a ConfigMap or Secret it mounts does not exist.
   */
  public static Optional<WorkerFromConfigMap> start(
      KubernetesClient client, Pod pod, Path dir, String workerClassPath) throws IOException {
    Container container = pod.getSpec().getContainers().get(0);
    Optional<PodVolumes> volumes = PodVolumes.mount(client, pod, container, dir);
    if (volumes.isEmpty()) {
      return Optional.empty();
    }
    List<String> args = container.getArgs();
    int at = args.indexOf("--config");
    if (at < 0 || at + 1 >= args.size()) {
      throw new IllegalStateException("container " + container.getName() + " has no --config FILE");
    }
    Path mounted = Path.of(volumes.get().local(args.get(at + 1)));
    int port = freePort();
    String config =
        WorkerSupervisor.withHttpPort(translated(Files.readString(mounted), volumes.get()), port);
    Path file = dir.resolve("sink.yaml");
    StateDir.writePrivate(file, config);
    Path log = dir.resolve("sink-worker.log");
    return Optional.of(
        new WorkerFromConfigMap(
            new LocalWorkerLauncher(workerClassPath).start(file, log), port, log));
  }

  /** Every string value of the YAML that is a path under a mount, translated to the local one. */
  static String translated(String yaml, PodVolumes volumes) throws IOException {
    JsonNode root = YAML.readTree(yaml);
    translate(root, volumes);
    return YAML.writeValueAsString(root);
  }

  private static void translate(JsonNode node, PodVolumes volumes) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual() && e.getValue().asText().startsWith("/")) {
          e.setValue(TextNode.valueOf(volumes.local(e.getValue().asText())));
        } else {
          translate(e.getValue(), volumes);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> translate(n, volumes));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The readiness probe a kubelet would run: the worker lives and {@code /readyz} answers 200. */
  public boolean ready() {
    return worker.isAlive() && probe.readyz().status() == 200;
  }

  public boolean isAlive() {
    return worker.isAlive();
  }

  public int exitCode() {
    return worker.exitCode();
  }

  public long pid() {
    return worker.pid();
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  /** Stops the worker as a pod's termination would (SIGTERM, then SIGKILL after the grace). */
  public void stop(Duration grace) {
    worker.stop(grace);
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }
}
