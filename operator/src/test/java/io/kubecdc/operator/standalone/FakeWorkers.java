package io.kubecdc.operator.standalone;

import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.metrics.OperatorMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test doubles of the worker process and its HTTP port: a launcher that records each start with the
 * config it was given, and a probe that answers what the test sets.
 */
final class FakeWorkers implements WorkerLauncher, SinkProbe {
  final List<Worker> started = new CopyOnWriteArrayList<>();
  volatile int readyStatus = 200;
  volatile String readyBody = "ready";

  /** One started worker: alive until stopped or "crashed" by the test. */
  static final class Worker implements Handle {
    final String config;
    volatile boolean alive = true;
    volatile int exit;

    Worker(String config) {
      this.config = config;
    }

    @Override
    public boolean isAlive() {
      return alive;
    }

    @Override
    public int exitCode() {
      return exit;
    }

    @Override
    public void stop(Duration grace) {
      alive = false;
    }
  }

  @Override
  public Handle start(Path config, Path log) throws java.io.IOException {
    Worker w = new Worker(Files.readString(config));
    started.add(w);
    return w;
  }

  @Override
  public Reply readyz() {
    return new Reply(readyStatus, readyBody);
  }

  /**
   * A run of {@code request} with these workers (config and log in {@code dir}) that writes its
   * status into {@code state}.
   */
  PipelineRun run(
      PipelineRequest request,
      PipelineCore core,
      RowCounts counts,
      Path dir,
      StateDir state,
      GenerationHistory history) {
    return new PipelineRun(
        request,
        core,
        new GenerationWorkers(v -> supervisor(dir), 18080),
        counts,
        Clock.systemUTC(),
        new OperatorMetrics(),
        state,
        history);
  }

  WorkerSupervisor supervisor(Path dir) {
    return new WorkerSupervisor(
        this, this, dir.resolve("sink.yaml"), dir.resolve("sink-worker.log"), 18080);
  }
}
