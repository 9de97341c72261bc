package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.ConnectorStatus;
import io.kubecdc.api.crd.v1alpha1.SlotStatus;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.status.Observation;
import java.util.List;
import java.util.Optional;

/**
 * What the core made of one reconcile: the state of the parts it owns (source, topics, tables,
 * connector) and flags such as snapshotting, what it observed of each part, and the sink-worker's
 * rendered config. The driver runs the worker (a Deployment from a ConfigMap, or a local process),
 * adds the SINK part's state from what it sees of it, and aggregates the status with {@link
 * io.kubecdc.operator.status.StatusAggregator}. {@code workerConfig} is empty while the parts
 * before the sink are not ready: no worker is started against tables that do not exist yet.
 */
public record CoreResult(
    Observation observation,
    List<TableStatus> tables,
    Optional<ConnectorStatus> connector,
    Optional<SlotStatus> slot,
    Optional<String> workerConfig) {
  public CoreResult {
    tables = List.copyOf(tables);
  }
}
