package io.kubecdc.operator.promotion;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import java.util.Optional;

/**
 * What a gate knows of the same pipeline in an upstream namespace: whether it can see that
 * namespace at all, and the pipeline's status if it exists there. The operator fills it from its
 * informer cache, the CLI from the API server.
 */
public record Upstream(String namespace, boolean visible, Optional<CdcPipelineStatus> status) {
  public static Upstream notVisible(String namespace) {
    return new Upstream(namespace, false, Optional.empty());
  }

  /** The pipeline exists there; a status not written yet counts as an empty one. */
  public static Upstream of(String namespace, CdcPipelineStatus status) {
    return new Upstream(
        namespace, true, Optional.of(status == null ? new CdcPipelineStatus() : status));
  }

  /** The namespace is visible and has no such pipeline. */
  public static Upstream missing(String namespace) {
    return new Upstream(namespace, true, Optional.empty());
  }
}
