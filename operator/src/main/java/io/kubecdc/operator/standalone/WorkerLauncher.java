package io.kubecdc.operator.standalone;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a sink-worker from its config file, writing its output to a log file. A seam so that the
 * supervision (restart on a config change, crash reports) is tested without starting JVMs.
 */
public interface WorkerLauncher {
  Handle start(Path config, Path log) throws IOException;

  /** A started worker. */
  interface Handle {
    boolean isAlive();

    /** The exit code; only meaningful once the worker is no longer alive. */
    int exitCode();

    /** The process id, for a person who looks for the process; -1 when there is none (a fake). */
    default long pid() {
      return -1;
    }

    /** SIGTERM (the worker flushes and commits), then SIGKILL after {@code grace}. */
    void stop(Duration grace);
  }
}
