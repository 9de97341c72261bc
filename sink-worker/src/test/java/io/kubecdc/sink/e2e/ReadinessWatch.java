package io.kubecdc.sink.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Polls a worker's {@code /readyz} every 100 ms on a thread of its own and remembers when the
 * answer changed, as a kubelet would see it, so that a test can ask when the worker turned not
 * ready and whether it stayed so.
 */
final class ReadinessWatch implements AutoCloseable {
  record Change(long nanos, int status) {}

  private final WorkerProcess worker;
  private final List<Change> changes = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  ReadinessWatch(WorkerProcess worker) {
    this.worker = worker;
    this.thread = new Thread(this::poll, "readiness-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    int last = 0;
    while (running) {
      int status = worker.status("/readyz");
      if (status != last) {
        synchronized (changes) {
          changes.add(new Change(System.nanoTime(), status));
        }
        last = status;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** When {@code /readyz} first answered {@code status} at or after {@code fromNanos}. */
  OptionalLong first(int status, long fromNanos) {
    synchronized (changes) {
      long lastBefore = Long.MIN_VALUE;
      int statusBefore = 0;
      for (Change c : changes) {
        if (c.nanos() < fromNanos) {
          lastBefore = c.nanos();
          statusBefore = c.status();
        } else if (c.status() == status) {
          return OptionalLong.of(c.nanos());
        }
      }
      return statusBefore == status && lastBefore != Long.MIN_VALUE
          ? OptionalLong.of(fromNanos)
          : OptionalLong.empty();
    }
  }

  /** Every answer that differed from {@code status} in [from, to). */
  List<Change> otherThan(int status, long fromNanos, long toNanos) {
    synchronized (changes) {
      return changes.stream()
          .filter(c -> c.nanos() >= fromNanos && c.nanos() < toNanos && c.status() != status)
          .toList();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5_000);
  }
}
