package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.ConnectorStatus;
import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.SlotStatus;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.kafka.PartitionPosition;
import io.kubecdc.operator.status.Observation;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/**
 * What the core made of one reconcile: the state of the parts it owns (source, topics, tables,
 * connector) and flags such as snapshotting, what it observed of each part, the checkpoint
 * generations, and the sink-worker config of each generation that must run. The driver runs one
 * worker per entry of {@code workers} (a Deployment from a ConfigMap, or a local process) and
 * removes the workers of generations no longer listed, adds the SINK part's state from what it sees
 * of them, and aggregates the status with {@link io.kubecdc.operator.status.StatusAggregator}.
 * {@code workers} is empty while the parts before the sink are not ready: no worker is started
 * against tables that do not exist yet (and the driver then leaves the running ones as they are).
 * {@code deadLetters} counts the records ever written to the pipeline's dead-letter topic (empty
 * when unknown): promotion gates compare it between two checks. {@code positions} is where the live
 * worker group stands on each partition of the pipeline's topics (empty when unknown): the
 * promotion record decides from it when a revision has caught up.
 */
public record CoreResult(
    Observation observation,
    List<TableStatus> tables,
    Optional<ConnectorStatus> connector,
    Optional<SlotStatus> slot,
    List<WorkerConfig> workers,
    List<GenerationStatus> generations,
    OptionalLong deadLetters,
    Optional<Map<TopicPartition, PartitionPosition>> positions) {
  public CoreResult {
    tables = List.copyOf(tables);
    workers = workers.stream().sorted(Comparator.comparingInt(WorkerConfig::version)).toList();
    generations = List.copyOf(generations);
  }

  /**
   * One generation only, with the given worker config: what a pipeline that was never bumped has.
   */
  public CoreResult(
      Observation observation,
      List<TableStatus> tables,
      Optional<ConnectorStatus> connector,
      Optional<SlotStatus> slot,
      Optional<String> workerConfig) {
    this(
        observation,
        tables,
        connector,
        slot,
        workerConfig.map(y -> List.of(new WorkerConfig(1, y))).orElse(List.of()),
        List.of());
  }

  /** A result without a dead-letter count and positions. */
  public CoreResult(
      Observation observation,
      List<TableStatus> tables,
      Optional<ConnectorStatus> connector,
      Optional<SlotStatus> slot,
      List<WorkerConfig> workers,
      List<GenerationStatus> generations) {
    this(
        observation,
        tables,
        connector,
        slot,
        workers,
        generations,
        OptionalLong.empty(),
        Optional.empty());
  }

  /** The config of the newest generation that runs a worker. */
  public Optional<String> workerConfig() {
    return workers.isEmpty()
        ? Optional.empty()
        : Optional.of(workers.get(workers.size() - 1).yaml());
  }

  /** True while a generation is being built beside the live one (or switching in). */
  public boolean building() {
    return generations.stream()
        .anyMatch(
            g ->
                g.getState() == GenerationState.Building
                    || g.getState() == GenerationState.Switching);
  }
}
