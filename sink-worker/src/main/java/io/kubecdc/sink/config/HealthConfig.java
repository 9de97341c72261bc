package io.kubecdc.sink.config;

import java.time.Duration;

/**
 * How fast /readyz follows the dependencies. ClickHouse and Kafka are each probed every {@code
 * probeIntervalMs} with a bound of {@code probeTimeoutMs}, on threads of their own: /readyz turns
 * 503 at most interval + timeout (4 s by default) after either stops answering, and 200 within
 * about one interval of its return.
 */
public record HealthConfig(Long probeIntervalMs, Long probeTimeoutMs) {
  public static final long DEFAULT_PROBE_INTERVAL_MS = 1_000;
  public static final long DEFAULT_PROBE_TIMEOUT_MS = 3_000;
  public static final HealthConfig DEFAULTS = new HealthConfig(null, null);

  public HealthConfig {
    probeIntervalMs = probeIntervalMs == null ? DEFAULT_PROBE_INTERVAL_MS : probeIntervalMs;
    probeTimeoutMs = probeTimeoutMs == null ? DEFAULT_PROBE_TIMEOUT_MS : probeTimeoutMs;
  }

  public Duration probeInterval() {
    return Duration.ofMillis(probeIntervalMs);
  }

  public Duration probeTimeout() {
    return Duration.ofMillis(probeTimeoutMs);
  }
}
