package io.kubecdc.operator.core;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The sink-worker of this build as a local process, started from a rendered config the way its pod
 * would run it: for tests where no kubelet runs the Deployment.
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  /** Starts {@code SinkWorkerMain --config config}, its output into {@code log}. */
  public static Process start(Path config, Path log) throws IOException {
    Path module =
        Path.of(System.getProperty("basedir", ".")).resolve("../sink-worker/target").normalize();
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-cp",
            module.resolve("classes") + File.pathSeparator + module.resolve("lib") + "/*",
            "io.kubecdc.sink.SinkWorkerMain",
            "--config",
            config.toString());
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }
}
