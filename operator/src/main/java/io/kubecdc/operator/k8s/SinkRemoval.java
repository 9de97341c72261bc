package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import java.time.Duration;
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

  /** True when the Deployment is gone; false when it still terminates after the bounded wait. */
  boolean remove(CdcPipeline pipeline) {
    String ns = pipeline.getMetadata().getNamespace();
    String name = SinkMetadata.name(pipeline);
    var deployment = client.apps().deployments().inNamespace(ns).withName(name);
    deployment.withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
    client.configMaps().inNamespace(ns).withName(name).delete();
    client.services().inNamespace(ns).withName(name).delete();
    try {
      deployment.waitUntilCondition(Objects::isNull, wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (KubernetesClientTimeoutException e) {
      return false;
    }
  }
}
