package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.config.BatchConfig;
import java.time.Duration;

/**
 * When to insert. A table is full at {@code maxRows} rows or {@code maxBytes} encoded bytes (the
 * rows waiting for TOAST values count as rows). Everything is flushed once the oldest pending row
 * is {@code maxDelay} old; the poll timeout never overshoots that deadline.
 */
public record FlushPolicy(int maxRows, long maxBytes, Duration maxDelay, Duration maxPoll) {
  public static FlushPolicy of(BatchConfig batch) {
    return new FlushPolicy(
        batch.maxRows(),
        batch.maxBytes(),
        Duration.ofMillis(batch.maxDelayMs()),
        Duration.ofSeconds(1));
  }

  public boolean full(int rows, long encodedBytes) {
    return rows >= maxRows || encodedBytes >= maxBytes;
  }

  /** True when a row pending since {@code oldestNanos} (-1 = none) must be written now. */
  public boolean due(long oldestNanos, long nowNanos) {
    return oldestNanos >= 0 && nowNanos - oldestNanos >= maxDelay.toNanos();
  }

  /** How long the next poll may wait without missing the age deadline. */
  public Duration pollTimeout(long oldestNanos, long nowNanos) {
    if (oldestNanos < 0) {
      return maxPoll;
    }
    long left = oldestNanos + maxDelay.toNanos() - nowNanos;
    return Duration.ofNanos(Math.max(0, Math.min(left, maxPoll.toNanos())));
  }
}
