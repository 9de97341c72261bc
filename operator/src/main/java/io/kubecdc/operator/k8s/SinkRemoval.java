package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Stops the sink-workers before the core tears down what they read from: the Deployment is deleted
 * in the foreground (its pods first) and awaited, bounded, so that no worker still commits offsets
 * of a consumer group being deleted. The ConfigMap and Service go too, without relying on the
 * garbage collector (which a test server may not run).
 */
final class SinkRemoval {
  private final KubernetesClient client;
  private final Duration wait;

  SinkRemoval(KubernetesClient client, Duration wait) {
    this.client = client;
    this.wait = wait;
  }

  /**
   * True when the Deployments of every checkpoint generation are gone; false when one still
   * terminates after the bounded wait. Listed by the pipeline's labels and deleted one by one (the
   * operator's Role has no deletecollection).
   */
  boolean remove(CdcPipeline pipeline) {
    String ns = pipeline.getMetadata().getNamespace();
    List<String> names = new ArrayList<>();
    names.add(SinkMetadata.name(pipeline));
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withLabels(WorkloadLabels.selector(pipeline.getMetadata().getName()))
        .list()
        .getItems()
        .forEach(d -> names.add(d.getMetadata().getName()));
    List<String> distinct = names.stream().distinct().toList();
    for (String name : distinct) {
      deployment(ns, name).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
      client.configMaps().inNamespace(ns).withName(name).delete();
    }
    client.services().inNamespace(ns).withName(SinkMetadata.name(pipeline)).delete();
    try {
      for (String name : distinct) {
        deployment(ns, name)
            .waitUntilCondition(Objects::isNull, wait.toMillis(), TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (KubernetesClientTimeoutException e) {
      return false;
    }
  }

  private RollableScalableResource<Deployment> deployment(String ns, String name) {
    return client.apps().deployments().inNamespace(ns).withName(name);
  }
}
