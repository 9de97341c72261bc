package io.kubecdc.operator.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a standalone run or delete was asked for, validated by the command line before anything is
 * touched: the manifest files, the Secrets folder, the state folder, the check period, the timeout
 * of {@code --once} (empty: run until interrupted) and the class path the worker runs from.
 */
public record RunSettings(
    List<Path> files,
    Path secrets,
    Path stateDir,
    Duration period,
    Optional<Duration> onceTimeout,
    String workerClassPath) {
  public RunSettings {
    files = List.copyOf(files);
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(onceTimeout, "onceTimeout");
    Objects.requireNonNull(workerClassPath, "workerClassPath");
  }
}
