package io.kubecdc.sink.retry;

import java.time.Duration;

/** Told about retries (to flip readiness and count errors) and about recovery. */
public interface RetryListener {
  void retrying(String what, String kind, int attempt, Duration delay, Throwable error);

  void recovered(String what, int attempts);

  RetryListener NONE =
      new RetryListener() {
        @Override
        public void retrying(String what, String kind, int attempt, Duration d, Throwable e) {}

        @Override
        public void recovered(String what, int attempts) {}
      };
}
