package io.kubecdc.sink.retry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pause between retries. It ends after the delay, at {@link #stop()}, or early at {@link
 * #wake()}: a probe saw a dependency come back, and an operation should not sleep through the
 * recovery in a backoff of up to 30 s (readiness and freshness would lag the outage by that much).
 */
public final class RetryPause implements Retrier.Sleeper {
  private long wakeups;
  private boolean stopped;

  @Override
  public synchronized void sleep(Duration delay) throws InterruptedException {
    long deadline = System.nanoTime() + delay.toNanos();
    long seen = wakeups;
    while (!stopped && seen == wakeups) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public synchronized long wakeups() {
    return wakeups;
  }

  /** Ends every pause in progress; the retriers start again from the shortest delay. */
  public synchronized void wake() {
    wakeups++;
    notifyAll();
  }

  /** Ends every pause now and later: the worker is stopping. */
  public synchronized void stop() {
    stopped = true;
    notifyAll();
  }
}
