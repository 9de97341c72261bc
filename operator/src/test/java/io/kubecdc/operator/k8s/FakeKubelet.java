package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the kubelet on the local stack's API server, which has none: the pods that the real
 * Deployment and ReplicaSet controllers created stay Pending, so this reports them Running and
 * Ready (as a kubelet would after a passing readiness probe), and the controllers then count them
 * in the Deployment status, which is what the operator reads. {@code probe} is the readiness probe:
 * e.g. the {@code /readyz} of the worker the test runs as a process from the rendered ConfigMap.
 */
final class FakeKubelet {
  private FakeKubelet() {}

  /** Marks the Deployment's pods Ready while {@code probe} passes, until it shows the replicas. */
  static void markReady(
      KubernetesClient client, String ns, String name, int replicas, BooleanSupplier probe) {
    await("Deployment " + ns + "/" + name + " with " + replicas + " ready replicas")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
              if (d == null || !probe.getAsBoolean()) {
                return false;
              }
              var pods =
                  client
                      .pods()
                      .inNamespace(ns)
                      .withLabels(d.getSpec().getSelector().getMatchLabels());
              pods.list().getItems().stream()
                  .filter(p -> p.getMetadata().getDeletionTimestamp() == null && !ready(p))
                  .forEach(p -> markReady(client, p));
              var s = d.getStatus();
              return s != null
                  && d.getMetadata().getGeneration().equals(s.getObservedGeneration())
                  && s.getReadyReplicas() != null
                  && s.getReadyReplicas() >= replicas
                  && s.getUpdatedReplicas() != null
                  && s.getUpdatedReplicas() >= replicas;
            });
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static void markReady(KubernetesClient client, Pod pod) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    client
        .pods()
        .inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName())
        .editStatus(
            p -> {
              p.setStatus(
                  new PodStatusBuilder(p.getStatus())
                      .withPhase("Running")
                      .withStartTime(now)
                      .withConditions(
                          new PodConditionBuilder()
                              .withType("Ready")
                              .withStatus("True")
                              .withLastTransitionTime(now)
                              .build())
                      .build());
              return p;
            });
  }
}
