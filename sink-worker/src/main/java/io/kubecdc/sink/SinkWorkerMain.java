package io.kubecdc.sink;

import io.kubecdc.sink.codec.Codec;
import io.kubecdc.sink.config.ConfigException;
import io.kubecdc.sink.config.ConfigLoader;
import io.kubecdc.sink.config.SinkConfig;
import io.kubecdc.sink.config.WorkerEnvironment;
import io.kubecdc.sink.runtime.SinkWorker;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code SinkWorkerMain --config /etc/kubecdc/sink.yaml}. Exit codes: 0 after a clean stop
 * (SIGTERM), 2 for a bad command line or configuration (message on stderr), 1 for a crash.
 */
public final class SinkWorkerMain {
  private static final Logger log = LoggerFactory.getLogger(SinkWorkerMain.class);

  private SinkWorkerMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length != 2 || !args[0].equals("--config")) {
      System.err.println("usage: SinkWorkerMain --config <sink.yaml>");
      return 2;
    }
    SinkConfig config;
    WorkerEnvironment env;
    try {
      config = ConfigLoader.load(Path.of(args[1]));
      env = WorkerEnvironment.load(config, System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    SinkWorker worker = new SinkWorker(config, env, Codec.standard(config.toastPlaceholder()));
    Thread hook =
        new Thread(
            () -> {
              log.info("event=shutdown_requested");
              try {
                if (worker.stop(60_000)) {
                  // flushed and committed: a SIGTERM is a clean stop (exit 0, not 143)
                  Runtime.getRuntime().halt(0);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "sink-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      worker.run();
      return 0;
    } catch (Exception e) {
      log.error("event=crashed error=\"{}\"", e.toString(), e);
      return 1;
    }
  }
}
