package io.kubecdc.operator.standalone;

import io.kubecdc.operator.core.WorkerConfig;
import io.kubecdc.operator.status.GenerationSinks;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One {@link WorkerSupervisor} per checkpoint generation the core wants running, as the Kubernetes
 * driver keeps one Deployment per generation: while a generation is built beside the live one both
 * run (each with its own config file, log and port); a generation the core no longer lists is
 * stopped, so that its consumer group empties and the views can switch.
 */
final class GenerationWorkers implements AutoCloseable {
  private final IntFunction<WorkerSupervisor> factory;
  private final int firstPort;
  private final TreeMap<Integer, WorkerSupervisor> running = new TreeMap<>();

  /**
   * @param factory a supervisor for a generation (its own config file, log and port)
   * @param firstPort the port the first one gets, shown before any runs
   */
  GenerationWorkers(IntFunction<WorkerSupervisor> factory, int firstPort) {
    this.factory = factory;
    this.firstPort = firstPort;
  }

  /** Starts, restarts or stops workers to match {@code configs}; empty leaves them as they are. */
  void apply(List<WorkerConfig> configs, boolean paused) {
    if (!configs.isEmpty() && !paused) {
      List<Integer> wanted = configs.stream().map(WorkerConfig::version).toList();
      running.entrySet().removeIf(e -> !wanted.contains(e.getKey()) && stop(e.getValue()));
    }
    for (WorkerConfig c : configs) {
      running.computeIfAbsent(c.version(), factory::apply).apply(Optional.of(c.yaml()), paused);
    }
    if (paused) {
      running.values().forEach(w -> w.apply(Optional.empty(), true));
    }
  }

  /** The SINK part, combined by {@link GenerationSinks}: the live generation's worker decides. */
  PartState state(boolean paused) {
    if (running.isEmpty()) {
      return paused
          ? PartState.ready(Part.SINK, "ScaledToZero", "no worker runs while paused")
          : PartState.progressing(Part.SINK, "WorkerCreating", "waiting for the worker config");
    }
    SortedMap<Integer, PartState> states = new TreeMap<>();
    running.forEach((v, w) -> states.put(v, w.state(paused)));
    return GenerationSinks.combine(states);
  }

  /** The port of the oldest running generation's worker (the live one). */
  int port() {
    return running.isEmpty() ? firstPort : running.firstEntry().getValue().port();
  }

  @Override
  public void close() {
    running.values().forEach(WorkerSupervisor::close);
    running.clear();
  }

  private static boolean stop(WorkerSupervisor w) {
    w.close();
    return true;
  }
}
