package io.kubecdc.operator.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a standalone run or delete was asked for, validated by the command line before anything is
 * touched: the manifest files, the Secrets folder, the state folder, the check period, the timeout
 * of {@code --once} (empty: run until interrupted), the class path the worker runs from, and the
 * port of the run's own /metrics (0: any free port; empty: none).
 */
public record RunSettings(
    List<Path> files,
    Path secrets,
    Path stateDir,
    Duration period,
    Optional<Duration> onceTimeout,
    String workerClassPath,
    OptionalInt metricsPort) {
  public RunSettings {
    Objects.requireNonNull(metricsPort, "metricsPort");
    files = List.copyOf(files);
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(onceTimeout, "onceTimeout");
    Objects.requireNonNull(workerClassPath, "workerClassPath");
  }
}
