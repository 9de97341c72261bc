package io.kubecdc.sink.health;

import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the worker knows about one dependency (ClickHouse or Kafka), from two sources: a probe that
 * runs on a thread of its own, so that readiness turns within a probe period even while the loop
 * waits in a call, and the operations that are retrying because of it. The dependency is down when
 * the last probe failed or an operation is retrying, and up when the probe answers and no operation
 * retries. Each change is logged once ({@code event=dependency_down}, {@code event=dependency_back}
 * with the outage's duration) and counted; everything in between is only counted. When the probe
 * sees the dependency again, the paused retries are woken so that they do not sleep through the
 * recovery. Before the dependency was ever reached, one failed probe is not an outage yet (the
 * first probe of a cold JVM includes the client's own start-up): the worker stays not ready ("not
 * reached yet") and tells an outage from the second failure on.
 */
public final class DependencyMonitor {
  private static final Logger log = LoggerFactory.getLogger(DependencyMonitor.class);

  private enum State {
    UNKNOWN,
    UP,
    DOWN
  }

  private final String name;
  private final HealthState health;
  private final SinkMetrics metrics;
  private final LongSupplier nanoClock;
  private final Runnable wakeRetries;
  private final Set<String> failing = new HashSet<>();
  private Boolean probeUp;
  private int failedProbes;
  private State state = State.UNKNOWN;
  private long downSinceNanos;

  public DependencyMonitor(
      String name,
      HealthState health,
      SinkMetrics metrics,
      LongSupplier nanoClock,
      Runnable wakeRetries) {
    this.name = name;
    this.health = health;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    this.wakeRetries = wakeRetries;
    health.notReady(name, name + " not reached yet");
  }

  public String name() {
    return name;
  }

  /** Runs the probe and records its answer; a probe interrupted by the shutdown tells nothing. */
  public void probe(Probe probe) {
    try {
      probe.check();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      probeAnswered(false, e.getMessage() != null ? e.getMessage() : Retrier.rootMessage(e));
      return;
    }
    probeAnswered(true, null);
  }

  private void probeAnswered(boolean up, String error) {
    boolean recovered;
    synchronized (this) {
      recovered = up && Boolean.FALSE.equals(probeUp);
      if (up) {
        failedProbes = 0;
        probeUp = true;
      } else {
        metrics.error(name + "_probe_failed");
        failedProbes++;
        if (state != State.UNKNOWN || failedProbes > 1) {
          probeUp = false;
        }
      }
      update(up ? null : "probe: " + error);
    }
    if (recovered) {
      wakeRetries.run();
    }
  }

  /** An operation failed for this dependency and waits to retry. */
  public synchronized void operationFailing(String operation, String error) {
    failing.add(operation);
    update(operation + ": " + error);
  }

  /** An operation that had failed ended (succeeded or gave up). */
  public synchronized void operationEnded(String operation) {
    if (failing.remove(operation)) {
      update(null);
    }
  }

  public synchronized boolean up() {
    return state == State.UP;
  }

  private void update(String error) {
    boolean down = Boolean.FALSE.equals(probeUp) || !failing.isEmpty();
    if (down && state != State.DOWN) {
      state = State.DOWN;
      downSinceNanos = nanoClock.getAsLong();
      metrics.dependencyUp(name, false);
      metrics.outage(name);
      health.notReady(name, name + " unreachable");
      log.warn("event=dependency_down dependency={} error=\"{}\"", name, error);
    } else if (!down && Boolean.TRUE.equals(probeUp) && state != State.UP) {
      if (state == State.DOWN) {
        double seconds = (nanoClock.getAsLong() - downSinceNanos) / 1e9;
        log.info(
            "event=dependency_back dependency={} downSeconds={}",
            name,
            String.format(Locale.ROOT, "%.1f", seconds));
      }
      state = State.UP;
      metrics.dependencyUp(name, true);
      health.ready(name);
    }
  }
}
