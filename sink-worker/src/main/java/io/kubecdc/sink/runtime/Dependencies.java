package io.kubecdc.sink.runtime;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.config.HealthConfig;
import io.kubecdc.sink.health.DependencyMonitor;
import io.kubecdc.sink.health.HealthState;
import io.kubecdc.sink.health.Probe;
import io.kubecdc.sink.kafka.KafkaProbe;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.RetryPause;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The monitors of ClickHouse and Kafka and their probes, one thread each (a probe waiting for a
 * silent Kafka must not delay the ClickHouse probe), plus the pause of the retriers that the
 * monitors wake when a dependency returns.
 */
final class Dependencies implements AutoCloseable {
  private final HealthConfig config;
  private final RetryPause pause = new RetryPause();
  private final DependencyMonitor clickhouse;
  private final DependencyMonitor kafka;
  private final ScheduledExecutorService probes =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "sink-probe");
            t.setDaemon(true);
            return t;
          });
  private KafkaProbe kafkaProbe; // guarded by this

  Dependencies(HealthConfig config, HealthState health, SinkMetrics metrics) {
    this.config = config;
    this.clickhouse =
        new DependencyMonitor("clickhouse", health, metrics, System::nanoTime, pause::wake);
    this.kafka = new DependencyMonitor("kafka", health, metrics, System::nanoTime, pause::wake);
  }

  RetryPause pause() {
    return pause;
  }

  List<DependencyMonitor> monitors() {
    return List.of(clickhouse, kafka);
  }

  DependencyMonitor kafka() {
    return kafka;
  }

  /** Starts probing both dependencies, until {@link #close()}; owns {@code kafkaProbe}. */
  synchronized Dependencies startProbes(ClickHouseGateway gateway, KafkaProbe kafkaProbe) {
    this.kafkaProbe = kafkaProbe;
    long timeoutMs = config.probeTimeoutMs();
    schedule(
        clickhouse,
        () -> {
          if (!gateway.ping()) {
            throw new IllegalStateException("no answer to ping within " + timeoutMs + " ms");
          }
        });
    schedule(kafka, kafkaProbe);
    return this;
  }

  private void schedule(DependencyMonitor monitor, Probe probe) {
    probes.scheduleWithFixedDelay(
        () -> monitor.probe(probe), 0, config.probeIntervalMs(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    pause.stop();
    probes.shutdownNow();
    if (kafkaProbe != null) {
      kafkaProbe.close();
      kafkaProbe = null;
    }
  }
}
