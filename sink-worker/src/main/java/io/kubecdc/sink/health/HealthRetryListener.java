package io.kubecdc.sink.health;

import io.kubecdc.sink.clickhouse.ClickHouseSystematicException;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.retry.RetryListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns retries into liveness beats, error counts ({@code errors_total{kind}}) and readiness. A
 * statement ClickHouse refuses for a systematic reason names the refusal in the readiness reasons;
 * a retry whose kind names a dependency ({@code clickhouse_unavailable}, {@code kafka_unavailable})
 * tells that dependency's monitor, which logs the outage once; any other transient kind sets a
 * not-ready cause of its own. Both are logged at the first attempt and cleared when the operation
 * ends.
 */
public final class HealthRetryListener implements RetryListener {
  private static final Logger log = LoggerFactory.getLogger(HealthRetryListener.class);

  private final HealthState health;
  private final SinkMetrics metrics;
  private final List<DependencyMonitor> dependencies;
  private final Set<String> told = ConcurrentHashMap.newKeySet();

  public HealthRetryListener(
      HealthState health, SinkMetrics metrics, List<DependencyMonitor> dependencies) {
    this.health = health;
    this.metrics = metrics;
    this.dependencies = List.copyOf(dependencies);
  }

  @Override
  public void retrying(String what, String kind, int attempt, Duration delay, Throwable error) {
    health.beat();
    metrics.error(kind);
    if (kind.equals(ClickHouseSystematicException.KIND)) {
      health.refused(what, error.getMessage());
      logFirst(what, kind, attempt, error);
      return;
    }
    for (DependencyMonitor d : dependencies) {
      if (kind.startsWith(d.name() + "_")) {
        d.operationFailing(what, Retrier.rootMessage(error));
        return;
      }
    }
    health.notReady("retry " + what, "retrying " + what + " (" + kind + ")");
    logFirst(what, kind, attempt, error);
  }

  private void logFirst(String what, String kind, int attempt, Throwable error) {
    if (attempt == 1 && told.add(what)) {
      log.warn(
          "event=retry op=\"{}\" kind={} error=\"{}\"", what, kind, Retrier.rootMessage(error));
    }
  }

  @Override
  public void ended(String what, int attempts, boolean succeeded) {
    health.beat();
    dependencies.forEach(d -> d.operationEnded(what));
    health.ready("retry " + what);
    health.accepted(what);
    if (told.remove(what) && succeeded) {
      log.info("event=recovered op=\"{}\" attempts={}", what, attempts);
    }
  }
}
