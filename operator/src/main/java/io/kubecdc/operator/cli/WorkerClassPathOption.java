package io.kubecdc.operator.cli;

import picocli.CommandLine.Option;

/**
 * {@code --worker-classpath}, for every command that starts sink-workers: by default they run from
 * the class path of kubecdc, which holds the worker, so both are always the same version.
 */
final class WorkerClassPathOption {
  @Option(
      names = "--worker-classpath",
      paramLabel = "CP",
      description = "Class path of the sink-worker (default: the class path of kubecdc).")
  String workerClassPath;

  String classPath() {
    return workerClassPath != null ? workerClassPath : System.getProperty("java.class.path");
  }
}
