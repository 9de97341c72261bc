package io.kubecdc.sink.retry;

import java.time.Duration;

/**
 * Told about every failed attempt (to flip readiness and count errors) and about the end of an
 * operation that failed at least once, whether it then succeeded or gave up, so that whatever a
 * retry marked as not ready is always cleared again.
 */
public interface RetryListener {
  void retrying(String what, String kind, int attempt, Duration delay, Throwable error);

  /** The operation that failed {@code attempts - 1} times ended; {@code succeeded} or not. */
  void ended(String what, int attempts, boolean succeeded);

  RetryListener NONE =
      new RetryListener() {
        @Override
        public void retrying(String what, String kind, int attempt, Duration d, Throwable e) {}

        @Override
        public void ended(String what, int attempts, boolean succeeded) {}
      };
}
