package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubecdc.operator.status.GenerationSinks;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SINK part as Kubernetes shows it: the worker Deployment's ready and updated replicas against
 * the replicas the pipeline asks for. Zero asked for (paused) is ready: nothing should run.
 */
final class SinkState {
  private SinkState() {}

  /**
   * The SINK part over the Deployments of every generation that runs ({@code hashes}: version to
   * config hash), combined by {@link GenerationSinks}: the live generation's decides.
   */
  static PartState ofGenerations(
      Map<Integer, Optional<Deployment>> deployments, int desired, Map<Integer, String> hashes) {
    SortedMap<Integer, PartState> states = new TreeMap<>();
    hashes.forEach((v, hash) -> states.put(v, of(deployments.get(v), desired, hash)));
    return GenerationSinks.combine(states);
  }

  static PartState of(Optional<Deployment> deployment, int desired, String configHash) {
    if (deployment.isEmpty()) {
      return PartState.progressing(Part.SINK, "WorkerCreating", "creating the worker Deployment");
    }
    Deployment d = deployment.get();
    var annotations = d.getSpec().getTemplate().getMetadata().getAnnotations();
    boolean current =
        annotations != null
            && configHash.equals(annotations.get(SinkDeploymentDependent.CONFIG_HASH))
            && d.getSpec().getReplicas() != null
            && d.getSpec().getReplicas() == desired;
    if (desired == 0 && current) {
      return PartState.ready(Part.SINK, "ScaledToZero", "no worker runs while paused");
    }
    var status = d.getStatus();
    int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    int updated =
        status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
    String counts = ready + "/" + desired + " workers ready";
    // Right after an update the status still counts the pods of the previous template: until the
    // Deployment controller has observed this generation, its ready and updated replicas are the
    // old worker's, and Ready would claim a config that no pod runs yet.
    Long generation = d.getMetadata() == null ? null : d.getMetadata().getGeneration();
    boolean observed =
        generation == null
            || (status != null
                && status.getObservedGeneration() != null
                && status.getObservedGeneration() >= generation);
    if (current && observed && ready >= desired && updated >= desired) {
      return PartState.ready(Part.SINK, "WorkersReady", counts);
    }
    if (current && !observed) {
      return PartState.progressing(
          Part.SINK,
          "WorkersStarting",
          counts
              + " of the previous config; the Deployment controller has not observed generation "
              + generation
              + " yet");
    }
    return PartState.progressing(
        Part.SINK,
        "WorkersStarting",
        counts + " (" + updated + " updated); a worker is ready when /readyz answers 200");
  }
}
