package io.kubecdc.operator.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Capped exponential backoff of failed-task restarts, per connector: 10 s, 20 s, 40 s ... up to 5
 * min, reset once the connector runs again. Kept in the operator's memory: after an operator
 * restart the first restart comes at once, which is the safe side.
 */
public final class RestartBackoff {
  private record Attempts(int count, Instant last) {}

  private final ConcurrentHashMap<String, Attempts> attempts = new ConcurrentHashMap<>();
  private final Duration first;
  private final Duration max;
  private final Clock clock;

  public RestartBackoff(Duration first, Duration max, Clock clock) {
    this.first = first;
    this.max = max;
    this.clock = clock;
  }

  public static RestartBackoff defaults() {
    return new RestartBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Whether a restart is due now; if so it is counted. */
  public boolean tryRestart(String connector) {
    Instant now = clock.instant();
    Attempts a = attempts.get(connector);
    if (a != null && now.isBefore(a.last.plus(delay(a.count)))) {
      return false;
    }
    attempts.put(connector, new Attempts(a == null ? 1 : a.count + 1, now));
    return true;
  }

  /** Restarts made since the connector last ran. */
  public int restarts(String connector) {
    Attempts a = attempts.get(connector);
    return a == null ? 0 : a.count;
  }

  /** When the next restart may come, or null if none was made. */
  public Instant nextRestart(String connector) {
    Attempts a = attempts.get(connector);
    return a == null ? null : a.last.plus(delay(a.count));
  }

  public void running(String connector) {
    attempts.remove(connector);
  }

  private Duration delay(int count) {
    Duration d = first.multipliedBy(1L << Math.min(count - 1, 20));
    return d.compareTo(max) > 0 ? max : d;
  }
}
