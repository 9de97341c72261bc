package io.kubecdc.sink.health;

import io.kubecdc.sink.clickhouse.ClickHouseSystematicException;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.RetryListener;
import java.time.Duration;

/** Turns retries into "not ready" (and back), error counts, and liveness beats while waiting. */
public final class HealthRetryListener implements RetryListener {
  private final HealthState health;
  private final SinkMetrics metrics;

  public HealthRetryListener(HealthState health, SinkMetrics metrics) {
    this.health = health;
    this.metrics = metrics;
  }

  @Override
  public void retrying(String what, String kind, int attempt, Duration delay, Throwable error) {
    health.beat();
    health.backingOff(true);
    metrics.error(kind);
    if (kind.equals(ClickHouseSystematicException.KIND)) {
      health.refused(what, error.getMessage());
    } else if (kind.startsWith("clickhouse")) {
      health.clickhouse(false);
    } else if (kind.startsWith("kafka")) {
      health.kafka(false);
    }
  }

  @Override
  public void recovered(String what, int attempts) {
    health.beat();
    health.backingOff(false);
    health.accepted(what);
    if (what.startsWith("insert") || what.startsWith("create") || what.startsWith("read")) {
      health.clickhouse(true);
    }
  }
}
