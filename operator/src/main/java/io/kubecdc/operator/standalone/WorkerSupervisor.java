package io.kubecdc.operator.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one pipeline's sink-worker running as a local process, as the Deployment does in a cluster:
 * started once the core has rendered a config, restarted when the rendered config changes (the
 * config hash of the Deployment), stopped while paused and on exit. A worker that exits on its own
 * is reported as crashed with the tail of its log for one check, then started again (as a kubelet
 * restarts a container), so a config error shows its cause instead of a restart loop.
 */
public final class WorkerSupervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerSupervisor.class);
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final WorkerLauncher launcher;
  private final SinkProbe probe;
  private final Path configFile;
  private final Path log;
  private final int httpPort;
  private WorkerLauncher.Handle worker;
  private String running;
  private String crash;
  private int starts;

  public WorkerSupervisor(
      WorkerLauncher launcher, SinkProbe probe, Path configFile, Path log, int httpPort) {
    this.launcher = launcher;
    this.probe = probe;
    this.configFile = configFile;
    this.log = log;
    this.httpPort = httpPort;
  }

  /**
   * Makes the running worker match the core's rendered config: none while paused; started, or
   * restarted when the config differs from the one it runs. Empty leaves the worker as it is (the
   * parts before the sink did not get that far).
   */
  public void apply(Optional<String> rendered, boolean paused) {
    if (paused) {
      stop("paused");
      running = null;
      crash = null;
      return;
    }
    if (rendered.isEmpty()) {
      return;
    }
    String config = withHttpPort(rendered.get());
    if (worker != null && !worker.isAlive()) {
      if (crash == null) {
        crash = "exited with code " + worker.exitCode() + ": " + LogTail.of(log, 3);
        LOG.warn("event=worker_crashed exit={} log={}", worker.exitCode(), log);
        return;
      }
      crash = null;
      running = null;
    }
    if (config.equals(running)) {
      return;
    }
    stop(running == null ? "start" : "config_changed");
    StateDir.writePrivate(configFile, config);
    try {
      worker = launcher.start(configFile, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sink-worker", e);
    }
    running = config;
    starts++;
    LOG.info("event=worker_started starts={} port={} log={}", starts, httpPort, log);
  }

  /** The SINK part: paused, crashed, starting, not ready (with the worker's reason) or ready. */
  public PartState state(boolean paused) {
    if (paused) {
      return PartState.ready(Part.SINK, "ScaledToZero", "no worker runs while paused");
    }
    if (crash != null) {
      return PartState.failed(
          Part.SINK, "WorkerCrashed", "the sink-worker " + crash + " (log " + log + ")");
    }
    if (worker == null) {
      return PartState.progressing(Part.SINK, "WorkerCreating", "waiting for the worker config");
    }
    SinkProbe.Reply ready = probe.readyz();
    if (ready.status() == 200) {
      return PartState.ready(Part.SINK, "WorkerReady", "worker ready on port " + httpPort);
    }
    if (ready.status() < 0) {
      return PartState.progressing(
          Part.SINK, "WorkerStarting", "the worker does not answer on port " + httpPort + " yet");
    }
    return PartState.progressing(
        Part.SINK,
        "WorkerNotReady",
        "/readyz "
            + ready.status()
            + ": "
            + String.join("; ", ready.body().strip().lines().toList()));
  }

  /** How often the worker was started (the first start included). */
  public int starts() {
    return starts;
  }

  /** The port of the worker's /healthz, /readyz and /metrics. */
  int port() {
    return httpPort;
  }

  @Override
  public void close() {
    stop("exit");
  }

  private void stop(String why) {
    if (worker != null && worker.isAlive()) {
      LOG.info("event=worker_stopping reason={}", why);
      worker.stop(STOP_GRACE);
    }
    worker = null;
  }

  private String withHttpPort(String rendered) {
    return withHttpPort(rendered, httpPort);
  }

  /**
   * The rendered worker config with its HTTP port set: a Deployment's pod has port 8080 to itself,
   * a local process must not assume it.
   */
  public static String withHttpPort(String rendered, int port) {
    try {
      ObjectNode root = (ObjectNode) YAML.readTree(rendered);
      root.withObject("/http").put("port", port);
      return YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException("the core rendered a worker config that is not YAML", e);
    }
  }
}
