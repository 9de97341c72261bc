package io.kubecdc.operator.standalone;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sink-worker as a child JVM, as the Deployment runs it in a cluster: 256 MiB heap, serial
 * GC, {@code --config <file>}. The ClickHouse password is not passed: the config names the password
 * file. By default the worker runs from the class path of this JVM (the kubecdc distribution holds
 * the worker), so both are always the same version.
 */
public final class LocalWorkerLauncher implements WorkerLauncher {
  private final String classPath;

  public LocalWorkerLauncher(String classPath) {
    this.classPath = classPath;
  }

  @Override
  public Handle start(Path config, Path log) throws IOException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-cp",
            classPath,
            "io.kubecdc.sink.SinkWorkerMain",
            "--config",
            config.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return new ProcessHandle(process);
  }

  private record ProcessHandle(Process process) implements Handle {
    @Override
    public boolean isAlive() {
      return process.isAlive();
    }

    @Override
    public int exitCode() {
      return process.exitValue();
    }

    @Override
    public long pid() {
      return process.pid();
    }

    @Override
    public void stop(Duration grace) {
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
