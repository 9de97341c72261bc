package io.kubecdc.demo;

import io.kubecdc.operator.standalone.RunLoop;
import io.kubecdc.operator.standalone.RunSettings;
import io.kubecdc.operator.standalone.Standalone;
import io.kubecdc.stack.StackEndpoints;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code kubecdc run} of the local example (without {@code --once}) on a thread of its own, as a
 * user leaves it running in a terminal; what it prints is kept for the test to read. Starts from a
 * clean slate (what an earlier run of the example left is deleted) and deletes the pipeline when
 * closed.
 */
final class BackgroundRun implements AutoCloseable {
  private final RunSettings settings;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private RunLoop loop;
  private Thread runner;

  /**
   * @param metricsPort the run's own /metrics port (0: any), empty for none
   */
  BackgroundRun(StackEndpoints stack, Path state, OptionalInt metricsPort) throws IOException {
    Path repoRoot = repoRoot();
    Path worker = repoRoot.resolve("sink-worker/target");
    LocalExample.render(repoRoot, stack, state);
    this.settings =
        new RunSettings(
            List.of(
                state.resolve("environment.yaml"),
                repoRoot.resolve("examples/local/pipeline.yaml")),
            stack.secrets(),
            state,
            Duration.ofSeconds(2),
            Optional.empty(),
            worker.resolve("classes") + File.pathSeparator + worker.resolve("lib") + "/*",
            metricsPort);
    Standalone.delete(settings, log);
  }

  static Path repoRoot() {
    return Path.of("").toAbsolutePath().getParent();
  }

  /** Starts the run; call once the source holds its tables. */
  RunLoop start() {
    loop = Standalone.runLoop(settings, log);
    runner =
        new Thread(
            () -> {
              try {
                loop.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "standalone-run");
    runner.start();
    return loop;
  }

  /** Everything the run printed so far. */
  String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Stops the run and waits for its thread, as Ctrl-C does. */
  void stop() throws InterruptedException {
    if (loop != null) {
      loop.stop();
      runner.join(30_000);
      loop.close();
      loop = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      stop();
    } finally {
      Standalone.delete(settings, log);
    }
  }
}
