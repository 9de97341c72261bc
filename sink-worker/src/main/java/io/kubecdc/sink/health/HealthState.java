package io.kubecdc.sink.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What /healthz and /readyz report, updated by the loop and the probes. Live = the loop beat
 * recently (it beats on every poll and between retries). Ready = started, ClickHouse and Kafka
 * reachable, no retry backoff in progress, no operation refused for a systematic reason and not
 * halted; every reason is named in the /readyz body, so that the operator can show it.
 */
public final class HealthState {
  private final LongSupplier nanoClock;
  private final Duration stuckAfter;
  private volatile long lastBeatNanos;
  private volatile boolean started;
  private volatile boolean clickhouseUp;
  private volatile boolean kafkaUp;
  private volatile boolean backingOff;
  private volatile String halted;
  private final Map<String, String> refused = new ConcurrentHashMap<>();

  public HealthState(Duration stuckAfter, LongSupplier nanoClock) {
    this.stuckAfter = stuckAfter;
    this.nanoClock = nanoClock;
    this.lastBeatNanos = nanoClock.getAsLong();
  }

  public HealthState() {
    this(Duration.ofMinutes(2), System::nanoTime);
  }

  public void beat() {
    lastBeatNanos = nanoClock.getAsLong();
  }

  public void started() {
    started = true;
    beat();
  }

  public void clickhouse(boolean up) {
    clickhouseUp = up;
  }

  public void kafka(boolean up) {
    kafkaUp = up;
  }

  public void backingOff(boolean on) {
    backingOff = on;
  }

  /** {@code what} is refused by ClickHouse for {@code reason} and retried until it succeeds. */
  public void refused(String what, String reason) {
    refused.put(what, reason);
  }

  public void accepted(String what) {
    refused.remove(what);
  }

  /** The worker stopped consuming for good (until restarted) for {@code reason}. */
  public void halted(String reason) {
    halted = reason;
  }

  public boolean live() {
    return nanoClock.getAsLong() - lastBeatNanos < stuckAfter.toNanos();
  }

  public boolean ready() {
    return notReadyReasons().isEmpty();
  }

  /** Why the worker is not ready; empty when ready. */
  public List<String> notReadyReasons() {
    List<String> reasons = new ArrayList<>();
    if (!started) {
      reasons.add("starting");
    }
    if (!clickhouseUp) {
      reasons.add("clickhouse unreachable");
    }
    if (!kafkaUp) {
      reasons.add("kafka unreachable");
    }
    if (backingOff) {
      reasons.add("retrying with backoff");
    }
    refused.values().stream().sorted().forEach(r -> reasons.add("refused: " + r));
    if (halted != null) {
      reasons.add("halted: " + halted);
    }
    if (!live()) {
      reasons.add("loop stuck");
    }
    return reasons;
  }
}
