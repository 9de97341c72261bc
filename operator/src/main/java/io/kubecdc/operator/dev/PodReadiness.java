package io.kubecdc.operator.dev;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the pod status a kubelet would write after its readiness probe: phase Running with the
 * conditions {@code Ready} and {@code ContainersReady} and one container status per container. The
 * real ReplicaSet and Deployment controllers count such pods in the Deployment status, which is
 * what the operator reads for {@code SinkReady}; no kubelet runs on the local stack's API server.
 */
public final class PodReadiness {
  private PodReadiness() {}

  /** True when the pod's {@code Ready} condition is {@code True}. */
  public static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Reports the pod Running and, per {@code ready}, Ready or not, with its restart count. */
  public static void report(KubernetesClient client, Pod pod, boolean ready, int restarts) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    String status = ready ? "True" : "False";
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .editStatus(
            p -> {
              var containers =
                  p.getSpec().getContainers().stream()
                      .map(
                          c ->
                              new ContainerStatusBuilder()
                                  .withName(c.getName())
                                  .withImage(c.getImage())
                                  .withImageID("")
                                  .withReady(ready)
                                  .withStarted(true)
                                  .withRestartCount(restarts)
                                  .withNewState()
                                  .withNewRunning(now)
                                  .endState()
                                  .build())
                      .toList();
              p.setStatus(
                  new PodStatusBuilder(p.getStatus())
                      .withPhase("Running")
                      .withHostIP("127.0.0.1")
                      .withStartTime(
                          p.getStatus() != null && p.getStatus().getStartTime() != null
                              ? p.getStatus().getStartTime()
                              : now)
                      .withConditions(conditions(status, now))
                      .withContainerStatuses(containers)
                      .build());
              return p;
            });
  }

  private static List<PodCondition> conditions(String status, String now) {
    return List.of(
        condition("Ready", status, now),
        condition("ContainersReady", status, now),
        condition("Initialized", "True", now),
        condition("PodScheduled", "True", now));
  }

  private static PodCondition condition(String type, String status, String now) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withLastTransitionTime(now)
        .build();
  }
}
