package io.kubecdc.operator.dev;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.operator.k8s.WorkloadLabels;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the operator's sink-worker pods by the labels of its pod templates, and the Deployment each
 * belongs to by the owner references (pod, ReplicaSet, Deployment), never by a derived name: the
 * operator may run several worker Deployments per pipeline.
 */
final class WorkerPods {
  /** The sink-worker pods of every pipeline: what the operator's pod templates carry. */
  static final String SELECTOR =
      WorkloadLabels.COMPONENT + "=sink-worker," + WorkloadLabels.MANAGED_SELECTOR;

  private final KubernetesClient client;
  private final Set<String> namespaces;

  /** {@code namespaces} empty: all namespaces. */
  WorkerPods(KubernetesClient client, Set<String> namespaces) {
    this.client = client;
    this.namespaces = Set.copyOf(namespaces);
  }

  List<Pod> list() {
    if (namespaces.isEmpty()) {
      return client.pods().inAnyNamespace().withLabelSelector(SELECTOR).list().getItems();
    }
    return namespaces.stream()
        .flatMap(
            ns ->
                client
                    .pods()
                    .inNamespace(ns)
                    .withLabelSelector(SELECTOR)
                    .list()
                    .getItems()
                    .stream())
        .toList();
  }

  /** The Deployment that owns the pod through its ReplicaSet, or the pod's own name. */
  String deployment(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    return owner(pod.getMetadata().getOwnerReferences(), "ReplicaSet")
        .map(rs -> client.apps().replicaSets().inNamespace(ns).withName(rs).get())
        .flatMap(rs -> owner(rs.getMetadata().getOwnerReferences(), "Deployment"))
        .orElse(pod.getMetadata().getName());
  }

  private static Optional<String> owner(List<OwnerReference> refs, String kind) {
    return refs == null
        ? Optional.empty()
        : refs.stream()
            .filter(r -> kind.equals(r.getKind()))
            .map(OwnerReference::getName)
            .findFirst();
  }
}
