package io.kubecdc.sink.kafka;

import io.kubecdc.sink.health.Probe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the cluster for its brokers with an admin client of its own, on the probe's thread: the
 * consumer is not thread-safe and belongs to the loop, and readiness must not wait for the loop.
 */
public final class KafkaProbe implements Probe, AutoCloseable {
  private final Admin admin;
  private final Duration timeout;

  public KafkaProbe(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  public void check() throws Exception {
    int millis = (int) timeout.toMillis();
    if (admin
        .describeCluster(new DescribeClusterOptions().timeoutMs(millis))
        .nodes()
        .get(millis, TimeUnit.MILLISECONDS)
        .isEmpty()) {
      throw new IllegalStateException("the cluster reports no broker");
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
