package io.kubecdc.sink.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What /healthz and /readyz report. Live = the loop beat recently (it beats on every poll and
 * between retries). Ready = no cause of unreadiness is set and the loop is live. Each part of the
 * worker sets and clears its own cause ({@link #notReady}, {@link #ready}) from whatever thread it
 * runs on, so readiness never waits for the consume loop: the dependency probes run on threads of
 * their own, and a new cause (a systematic refusal, a halt) is one more key, not one more field.
 */
public final class HealthState {
  static final String STARTING = "starting";

  private final LongSupplier nanoClock;
  private final Duration stuckAfter;
  private final Map<String, String> causes = new LinkedHashMap<>();
  private volatile long lastBeatNanos;

  public HealthState(Duration stuckAfter, LongSupplier nanoClock) {
    this.stuckAfter = stuckAfter;
    this.nanoClock = nanoClock;
    this.lastBeatNanos = nanoClock.getAsLong();
    notReady(STARTING, "starting");
  }

  public HealthState() {
    this(Duration.ofMinutes(2), System::nanoTime);
  }

  public void beat() {
    lastBeatNanos = nanoClock.getAsLong();
  }

  public void started() {
    ready(STARTING);
    beat();
  }

  /** Sets (or replaces) why {@code cause} keeps the worker from being ready. */
  public synchronized void notReady(String cause, String reason) {
    causes.put(cause, reason);
  }

  /** Clears {@code cause}; a no-op when it was not set. */
  public synchronized void ready(String cause) {
    causes.remove(cause);
  }

  /** {@code what} is refused by ClickHouse for {@code reason} and retried until it succeeds. */
  public void refused(String what, String reason) {
    notReady("refused " + what, "refused: " + reason);
  }

  public void accepted(String what) {
    ready("refused " + what);
  }

  /** The worker stopped consuming for good (until restarted) for {@code reason}. */
  public void halted(String reason) {
    notReady("halted", "halted: " + reason);
  }

  public boolean live() {
    return nanoClock.getAsLong() - lastBeatNanos < stuckAfter.toNanos();
  }

  public boolean ready() {
    return notReadyReasons().isEmpty();
  }

  /** Why the worker is not ready, in the order the causes arose; empty when ready. */
  public synchronized List<String> notReadyReasons() {
    List<String> reasons = new ArrayList<>(causes.values());
    if (!live()) {
      reasons.add("loop stuck");
    }
    return reasons;
  }
}
