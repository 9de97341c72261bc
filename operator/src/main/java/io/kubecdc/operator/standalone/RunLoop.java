package io.kubecdc.operator.standalone;

import io.kubecdc.operator.metrics.OperatorEndpoint;
import io.kubecdc.operator.metrics.OperatorMetrics;
import io.kubecdc.operator.status.ConditionRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The standalone run: checks every pipeline, prints what changed, and waits a period; until
 * stopped, or with {@code once} until every pipeline is Ready and caught up (exit code 0) or the
 * timeout passes (exit code 1, the failing condition printed). The workers are stopped on close,
 * which the command runs on exit and on SIGINT. Before each check the manifest files are read again
 * if they changed ({@link ManifestReload}), so that an edit (a raised checkpoint version, a table
 * added) applies without a restart.
 */
public final class RunLoop implements AutoCloseable {
  public static final int CAUGHT_UP = 0;
  public static final int NOT_CAUGHT_UP = 1;

  /**
   * Caught up twice in a row, a second apart: a change committed just before the check may still be
   * on its way from the connector, whose events lag the commit by tens of milliseconds.
   */
  private static final int CAUGHT_UP_CHECKS = 2;

  private final List<PipelineRun> runs;
  private final Duration period;
  private final Optional<Duration> onceTimeout;
  private final PrintStream out;
  private final Clock clock;
  private final Optional<ManifestReload> reload;
  private final Map<String, PipelineView> last = new HashMap<>();
  private volatile boolean stopped;
  private volatile boolean running;
  private OperatorEndpoint endpoint;

  RunLoop(
      List<PipelineRun> runs,
      Duration period,
      Optional<Duration> onceTimeout,
      PrintStream out,
      Clock clock) {
    this(runs, period, onceTimeout, out, clock, Optional.empty());
  }

  RunLoop(
      List<PipelineRun> runs,
      Duration period,
      Optional<Duration> onceTimeout,
      PrintStream out,
      Clock clock,
      Optional<ManifestReload> reload) {
    this.reload = reload;
    this.runs = List.copyOf(runs);
    this.period = period;
    this.onceTimeout = onceTimeout;
    this.out = out;
    this.clock = clock;
  }

  /**
   * Serves the run's /metrics (the operator's metrics: readiness, lag, slot WAL per pipeline), with
   * /healthz and /readyz (ready while the loop runs), and prints where, with each worker's own.
   */
  void serveMetrics(int port, OperatorMetrics metrics) {
    try {
      endpoint = OperatorEndpoint.start(port, health(), metrics);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve metrics on port " + port + " (--metrics-port): " + e.getMessage(), e);
    }
    out.println("kubecdc run: metrics on http://127.0.0.1:" + endpoint.port() + "/metrics");
    runs.forEach(
        r ->
            out.println(
                "kubecdc run: "
                    + r.id()
                    + " sink-worker metrics on http://127.0.0.1:"
                    + r.workerPort()
                    + "/metrics"));
  }

  /** The port of the run's /metrics; empty when it serves none. */
  public OptionalInt metricsPort() {
    return endpoint == null ? OptionalInt.empty() : OptionalInt.of(endpoint.port());
  }

  private OperatorEndpoint.Health health() {
    return new OperatorEndpoint.Health() {
      @Override
      public boolean live() {
        return !stopped;
      }

      @Override
      public Optional<String> notReady() {
        return running ? Optional.empty() : Optional.of("starting");
      }
    };
  }

  /** Runs until stopped, or once caught up or timed out; returns the exit code. */
  public int run() throws InterruptedException {
    running = true;
    Instant deadline = onceTimeout.map(t -> clock.instant().plus(t)).orElse(Instant.MAX);
    int caughtUpChecks = 0;
    while (!stopped) {
      reload.flatMap(r -> r.apply(runs)).ifPresent(out::println);
      List<PipelineView> views = runs.stream().map(PipelineRun::check).toList();
      caughtUpChecks = views.stream().allMatch(PipelineView::caughtUp) ? caughtUpChecks + 1 : 0;
      boolean done = onceTimeout.isPresent() && caughtUpChecks >= CAUGHT_UP_CHECKS;
      for (PipelineView v : views) {
        String text = StatusRenderer.render(last.put(v.pipeline(), v), v, clock.instant());
        out.print(done && text.isEmpty() ? StatusRenderer.line(v, clock.instant()) : text);
      }
      out.flush();
      if (done) {
        out.println("caught up: ClickHouse holds every row of PostgreSQL, no lag");
        return CAUGHT_UP;
      }
      if (clock.instant().isAfter(deadline)) {
        out.println("not caught up after " + onceTimeout.get().toSeconds() + " s:");
        views.stream().filter(v -> !v.caughtUp()).forEach(v -> out.println(failing(v)));
        return NOT_CAUGHT_UP;
      }
      pause(onceTimeout.isPresent() ? Duration.ofSeconds(1) : period);
    }
    return CAUGHT_UP;
  }

  /** Ends {@link #run()} after the current check; safe from any thread. */
  public void stop() {
    stopped = true;
    synchronized (this) {
      notifyAll();
    }
  }

  static String failing(PipelineView v) {
    ConditionRecord c = v.cause();
    if (!v.ready()) {
      return "  %s %s=%s %s: %s"
          .formatted(v.pipeline(), c.type(), c.status(), c.reason(), c.message());
    }
    StringBuilder b = new StringBuilder("  " + v.pipeline() + " Ready, but not caught up:");
    v.tables().stream()
        .filter(t -> !t.caughtUp())
        .forEach(t -> b.append(" ").append(StatusRenderer.table(t)));
    return b.toString();
  }

  private synchronized void pause(Duration d) throws InterruptedException {
    if (!stopped) {
      wait(d.toMillis());
    }
  }

  @Override
  public void close() {
    runs.forEach(PipelineRun::close);
    if (endpoint != null) {
      endpoint.close();
    }
  }
}
