package io.kubecdc.sink.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What /healthz and /readyz report, updated by the loop and the probes. Live = the loop beat
 * recently (it beats on every poll and between retries). Ready = started, ClickHouse and Kafka
 * reachable, and no retry backoff in progress.
 */
public final class HealthState {
  private final LongSupplier nanoClock;
  private final Duration stuckAfter;
  private volatile long lastBeatNanos;
  private volatile boolean started;
  private volatile boolean clickhouseUp;
  private volatile boolean kafkaUp;
  private volatile boolean backingOff;

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
    if (!live()) {
      reasons.add("loop stuck");
    }
    return reasons;
  }
}
