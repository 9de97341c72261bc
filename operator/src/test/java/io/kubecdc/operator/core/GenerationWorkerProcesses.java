package io.kubecdc.operator.core;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a driver does with the core's {@code workers} in the core's tests: one sink-worker process
 * per generation listed, started when it appears, stopped (SIGTERM: it flushes, commits and leaves
 * its group) when it is no longer listed.
 */
final class GenerationWorkerProcesses implements AutoCloseable {
  private final StackPipeline pipeline;
  private final Map<Integer, Process> running = new TreeMap<>();

  GenerationWorkerProcesses(StackPipeline pipeline) {
    this.pipeline = pipeline;
  }

  void apply(CoreResult result) throws Exception {
    if (result.workers().isEmpty()) {
      return;
    }
    var wanted = result.workers().stream().map(WorkerConfig::version).toList();
    for (var it = running.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (!wanted.contains(e.getKey())) {
        stop(e.getValue());
        it.remove();
      }
    }
    for (WorkerConfig w : result.workers()) {
      if (!running.containsKey(w.version())) {
        running.put(w.version(), pipeline.startWorker(w.yaml(), "worker-v" + w.version()));
      }
    }
  }

  /**
   * One reconcile as a driver does it: the last result's history in ({@code result}, empty before
   * the first), the workers made to match the new result, which {@code result} then holds.
   */
  CoreResult step(PipelineCore core, PipelineRequest request, AtomicReference<CoreResult> result)
      throws Exception {
    PipelineRequest r =
        result.get() == null
            ? request
            : request.withPrevious(List.of(), result.get().generations());
    CoreResult out = core.reconcile(r);
    result.set(out);
    apply(out);
    return out;
  }

  Map<Integer, Process> running() {
    return running;
  }

  @Override
  public void close() throws Exception {
    for (Process p : running.values()) {
      stop(p);
    }
    running.clear();
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }
}
