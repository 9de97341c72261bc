package io.kubecdc.operator.cli;

import io.kubecdc.operator.standalone.RunLoop;
import io.kubecdc.operator.standalone.Standalone;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kubecdc run}: the pipelines of the files on this machine, with the live status, until
 * interrupted (SIGINT stops the workers and exits 0); with {@code --once} until caught up. Edits of
 * the files are followed while it runs ({@code standalone/ManifestReload}).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Reconciles the pipelines of the files on a period, runs their sink-workers as local"
          + " processes and prints the status when it changes.",
      "Edits of the files apply at the next check once they validate (e.g. a raised"
          + " spec.checkpoint.version); an invalid edit is printed and the running spec kept.",
      "--once: waits until Ready and caught up (lag 0, ClickHouse rows = PostgreSQL rows),"
          + " prints the status and exits 0; exits 1 with the failing condition on timeout."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ManifestOptions manifests;

  @Option(names = "--once", description = "Exit once every pipeline is Ready and caught up.")
  boolean once;

  @Option(
      names = "--timeout",
      paramLabel = "D",
      converter = DurationConverter.class,
      description = "With --once: give up after D (default: 5m).")
  Duration timeout;

  @Option(
      names = "--period",
      paramLabel = "D",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Re-reconcile every D (default: ${DEFAULT-VALUE}).")
  Duration period;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "8090",
      description =
          "Serve the operator's /metrics (and /healthz, /readyz) on PORT; 0: any free port,"
              + " -1: none (default: ${DEFAULT-VALUE}). Each sink-worker serves its own.")
  int metricsPort;

  @Override
  public Integer call() throws InterruptedException {
    if (metricsPort < -1 || metricsPort > 65535) {
      throw manifests.refuse("--metrics-port " + metricsPort + ": a port, 0 for any, -1 for none");
    }
    if (timeout != null && !once) {
      throw manifests.refuse("--timeout needs --once");
    }
    Optional<Duration> onceTimeout =
        once ? Optional.of(timeout == null ? Duration.ofMinutes(5) : timeout) : Optional.empty();
    var settings =
        manifests.settings(
            period,
            onceTimeout,
            metricsPort < 0 ? OptionalInt.empty() : OptionalInt.of(metricsPort));
    RunLoop loop = Standalone.runLoop(settings, manifests.out());
    manifests
        .out()
        .println(
            "kubecdc run: state "
                + settings.stateDir().toAbsolutePath()
                + ", log kubecdc.log there");
    CountDownLatch closed = new CountDownLatch(1);
    Thread onSignal =
        new Thread(
            () -> {
              manifests.out().println("kubecdc run: stopping, the sink-workers flush and exit");
              loop.stop();
              awaitQuietly(closed);
            },
            "kubecdc-stop");
    Runtime.getRuntime().addShutdownHook(onSignal);
    try {
      return loop.run();
    } finally {
      loop.close();
      closed.countDown();
      removeHook(onSignal);
    }
  }

  static void awaitQuietly(CountDownLatch closed) {
    try {
      closed.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it waits for the close above
    }
  }
}
