package io.kubecdc.operator.cli;

import io.kubecdc.operator.standalone.RunSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options {@code run} and {@code delete} share (which manifests, Secrets and state), and what
 * both need of the command line: where to print, how to refuse an argument.
 */
final class ManifestOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE",
      description = "CdcEnvironment and CdcPipeline manifests (YAML, several documents allowed).")
  List<Path> files;

  @Option(
      names = "--secrets",
      paramLabel = "DIR",
      defaultValue = "secrets",
      description = "Secrets as files: DIR/<secret name>/<key> (default: ${DEFAULT-VALUE}).")
  Path secrets;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = ".kubecdc",
      description =
          "Where the worker config, the ClickHouse password file (mode 600) and the logs go"
              + " (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Mixin WorkerClassPathOption worker;

  /** Checks the paths and points the log at the state folder; nothing else is touched. */
  RunSettings settings(Duration period, Optional<Duration> onceTimeout) {
    return settings(period, onceTimeout, OptionalInt.empty());
  }

  /** As above, with the port of the run's /metrics (0: any free port; empty: none). */
  RunSettings settings(Duration period, Optional<Duration> onceTimeout, OptionalInt metricsPort) {
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw refuse("-f " + f + ": no such file");
      }
    }
    if (!Files.isDirectory(secrets)) {
      throw refuse(
          "--secrets " + secrets + ": no such folder (Secrets are read from DIR/<name>/<key>)");
    }
    System.setProperty(
        "kubecdc.logFile", stateDir.toAbsolutePath().resolve("kubecdc.log").toString());
    return new RunSettings(
        files, secrets, stateDir, period, onceTimeout, worker.classPath(), metricsPort);
  }

  /** A usage error of the command: exit code 2, with the message and the usage. */
  CommandLine.ParameterException refuse(String message) {
    return new CommandLine.ParameterException(mixee.commandLine(), message);
  }

  /** Where the command prints its status. */
  PrintStream out() {
    return ((KubecdcCommand) mixee.root().userObject()).out;
  }
}
