package io.kubecdc.sink.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff: {@code initial * 2^attempt}, capped at {@code max}, then reduced by a random
 * share of up to {@code jitter} so that many workers do not retry in step.
 */
public record Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0.2, Math::random);
  }

  /** The delay before retry number {@code attempt} (0 = first retry). */
  public Duration delay(int attempt) {
    double base = initial.toMillis() * Math.pow(2, Math.min(attempt, 30));
    double capped = Math.min(base, max.toMillis());
    double jittered = capped * (1 - jitter * random.getAsDouble());
    return Duration.ofMillis(Math.max(1, Math.round(jittered)));
  }
}
