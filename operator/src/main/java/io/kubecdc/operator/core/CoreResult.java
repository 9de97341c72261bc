package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.ConnectorStatus;
import io.kubecdc.api.crd.v1alpha1.SlotStatus;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.status.StatusSummary;
import java.util.List;
import java.util.Optional;

/**
 * What the core made of one reconcile: the phase and conditions, what it observed of each part, and
 * the sink-worker's rendered config, which the driver runs (as a Deployment from a ConfigMap, or as
 * a local process). {@code workerConfig} is empty while the parts before the sink are not ready: no
 * worker is started against tables that do not exist yet.
 */
public record CoreResult(
    StatusSummary summary,
    List<TableStatus> tables,
    Optional<ConnectorStatus> connector,
    Optional<SlotStatus> slot,
    Optional<String> workerConfig) {
  public CoreResult {
    tables = List.copyOf(tables);
  }
}
