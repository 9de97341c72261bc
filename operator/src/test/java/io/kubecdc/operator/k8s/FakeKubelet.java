package io.kubecdc.operator.k8s;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.operator.dev.PodReadiness;
import java.time.Duration;

/**
 * Stands in for the kubelet on the local stack's API server, which has none, for tests in which no
 * worker runs: the pods that the real Deployment and ReplicaSet controllers created stay Pending,
 * so this reports them Ready ({@link PodReadiness}, as the dev kubelet does for a running worker),
 * and the controllers then count them in the Deployment status, which is what the operator reads.
 */
final class FakeKubelet {
  private FakeKubelet() {}

  /** Marks the Deployment's pods Ready until the Deployment shows the replicas. */
  static void markReady(KubernetesClient client, String ns, String name, int replicas) {
    await("Deployment " + ns + "/" + name + " with " + replicas + " ready replicas")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () -> {
              Deployment d = client.apps().deployments().inNamespace(ns).withName(name).get();
              if (d == null) {
                return false;
              }
              client
                  .pods()
                  .inNamespace(ns)
                  .withLabels(d.getSpec().getSelector().getMatchLabels())
                  .list()
                  .getItems()
                  .stream()
                  .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                  .filter(p -> !PodReadiness.isReady(p))
                  .forEach(p -> PodReadiness.report(client, p, true, 0));
              return showsReplicas(d, replicas);
            });
  }

  /** The Deployment status counts {@code replicas} ready and updated pods of its generation. */
  static boolean showsReplicas(Deployment d, int replicas) {
    var s = d.getStatus();
    return s != null
        && d.getMetadata().getGeneration().equals(s.getObservedGeneration())
        && s.getReadyReplicas() != null
        && s.getReadyReplicas() >= replicas
        && s.getUpdatedReplicas() != null
        && s.getUpdatedReplicas() >= replicas;
  }
}
