package io.kubecdc.operator.core;

import io.kubecdc.operator.standalone.LocalWorkerLauncher;
import io.kubecdc.operator.standalone.WorkerLauncher;
import java.io.File;
import java.nio.file.Path;

/**
 * The sink-worker of this build, started as the standalone runner starts it (a child JVM from a
 * rendered config), for tests where no kubelet runs the Deployment.
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  /** A launcher for the sink-worker module's build output: its classes and copied libraries. */
  public static WorkerLauncher launcher() {
    Path module =
        Path.of(System.getProperty("basedir", ".")).resolve("../sink-worker/target").normalize();
    return new LocalWorkerLauncher(
        module.resolve("classes") + File.pathSeparator + module.resolve("lib") + "/*");
  }
}
