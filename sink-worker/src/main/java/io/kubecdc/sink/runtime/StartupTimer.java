package io.kubecdc.sink.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each step of the start took, for the {@code event=started} log line: after a crash or a
 * rollout the time from JVM start to ready is the pipeline's outage, so the worker says where it
 * went (JVM and class loading before {@code main}, clients, table bootstrap, consumer).
 */
final class StartupTimer {
  private final Instant jvmStart;
  private final Map<String, Long> steps = new LinkedHashMap<>();
  private long last;

  StartupTimer() {
    this.jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    this.last = System.nanoTime();
    steps.put("jvm_ms", Math.max(0, Duration.between(jvmStart, Instant.now()).toMillis()));
  }

  /** Ends the step {@code name} now (it started when the previous step ended). */
  void step(String name) {
    long now = System.nanoTime();
    steps.put(name + "_ms", (now - last) / 1_000_000);
    last = now;
  }

  /** {@code jvm_ms=… clients_ms=… … since_jvm_start_ms=…}, for a key=value log line. */
  String summary() {
    StringBuilder s = new StringBuilder();
    steps.forEach((k, v) -> s.append(k).append('=').append(v).append(' '));
    return s.append("since_jvm_start_ms=")
        .append(Duration.between(jvmStart, Instant.now()).toMillis())
        .toString();
  }
}
