package io.kubecdc.operator.dev;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the kubelet on an API server without nodes: each {@link #sync} finds the
 * operator's sink-worker pods by their labels, runs one local worker process per live pod from what
 * the pod spec references ({@link WorkerFromConfigMap}), reports the pod Ready while the worker's
 * {@code /readyz} answers ({@link PodReadiness}), restarts a worker that exited, and stops the
 * process of a pod that is gone (a rollout after a config change, a scale to zero, a deletion). It
 * follows pods, not names, so it serves any number of Deployments per pipeline.
 */
public final class DevKubelet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DevKubelet.class);

  /** The label selector of the pods it runs. */
  public static final String WORKER_PODS = WorkerPods.SELECTOR;

  static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private final KubernetesClient client;
  private final WorkerPods pods;
  private final Path stateDir;
  private final String workerClassPath;
  private final PrintStream out;
  private final Map<String, RunningPod> running = new HashMap<>();

  /** {@code namespaces} empty: all namespaces. */
  public DevKubelet(
      KubernetesClient client,
      Set<String> namespaces,
      Path stateDir,
      String workerClassPath,
      PrintStream out) {
    this.client = client;
    this.pods = new WorkerPods(client, namespaces);
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.workerClassPath = workerClassPath;
    this.out = out;
  }

  private record RunningPod(Pod pod, String deployment, WorkerFromConfigMap worker, int restarts) {}

  /** One pass over the pods; safe to call from a loop and from a test's await. */
  public synchronized void sync() {
    Map<String, Pod> live;
    try {
      live =
          pods.list().stream()
              .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
              .collect(Collectors.toMap(p -> p.getMetadata().getUid(), p -> p));
    } catch (KubernetesClientException e) {
      LOG.warn("event=dev_kubelet_list_failed error={}", e.toString());
      return;
    }
    for (String uid : Set.copyOf(running.keySet())) {
      if (!live.containsKey(uid)) {
        stop(running.remove(uid), "its pod is gone");
      }
    }
    for (Pod pod : live.values()) {
      try {
        sync(pod);
      } catch (IOException | RuntimeException e) {
        LOG.warn("event=dev_kubelet_sync_failed pod={} error={}", name(pod), e.toString());
      }
    }
  }

  private void sync(Pod pod) throws IOException {
    String uid = pod.getMetadata().getUid();
    RunningPod r = running.get(uid);
    if (r != null && !r.worker().isAlive()) {
      out.printf(
          "dev-kubelet: the sink-worker of pod %s exited with code %d (log %s), starting it again%n",
          name(pod), r.worker().exitCode(), r.worker().log());
      running.remove(uid);
      r = start(pod, r.restarts() + 1);
    } else if (r == null) {
      r = start(pod, 0);
    }
    if (r == null) {
      return;
    }
    boolean ready = r.worker().ready();
    if (ready != PodReadiness.isReady(pod)) {
      PodReadiness.report(client, pod, ready, r.restarts());
      LOG.info("event=dev_kubelet_pod_status pod={} ready={}", name(pod), ready);
    }
  }

  private RunningPod start(Pod pod, int restarts) throws IOException {
    Path dir =
        stateDir.resolve(pod.getMetadata().getNamespace() + "." + pod.getMetadata().getName());
    Files.createDirectories(dir);
    Optional<WorkerFromConfigMap> worker =
        WorkerFromConfigMap.start(client, pod, dir, workerClassPath);
    if (worker.isEmpty()) {
      LOG.info("event=dev_kubelet_waiting pod={} reason=volume_source_missing", name(pod));
      return null;
    }
    WorkerFromConfigMap w = worker.get();
    Files.writeString(dir.resolve("pid"), w.pid() + "\n");
    String deployment = pods.deployment(pod);
    out.printf(
        "no kubelet here: running the sink-worker of Deployment %s/%s as local process pid %d"
            + " (pod %s, port %d, log %s)%n",
        pod.getMetadata().getNamespace(),
        deployment,
        w.pid(),
        pod.getMetadata().getName(),
        w.port(),
        w.log());
    RunningPod r = new RunningPod(pod, deployment, w, restarts);
    running.put(pod.getMetadata().getUid(), r);
    return r;
  }

  private void stop(RunningPod r, String why) {
    r.worker().stop(STOP_GRACE);
    out.printf(
        "dev-kubelet: stopped the sink-worker of Deployment %s/%s, pid %d: %s%n",
        r.pod().getMetadata().getNamespace(), r.deployment(), r.worker().pid(), why);
  }

  /** The worker processes running now. */
  public synchronized int workers() {
    return running.size();
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }

  /** Stops every worker (SIGTERM: they flush and commit), as a node's shutdown would. */
  @Override
  public synchronized void close() {
    running.values().forEach(r -> stop(r, "the dev-kubelet stops"));
    running.clear();
  }
}
