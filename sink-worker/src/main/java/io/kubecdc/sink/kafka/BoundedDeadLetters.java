package io.kubecdc.sink.kafka;

import io.kubecdc.sink.config.DeadLetterLimit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lets at most {@code maxPerTable} records of one source topic into the dead-letter topic within a
 * sliding window of {@code windowSeconds}; the next one throws {@link DeadLetterLimitException}
 * instead of being sent. The limit is counted per source topic, which is one table, so that one
 * broken table cannot hide behind the rate of the others. Thread-safe (the loop and the insert
 * thread both send).
 */
public final class BoundedDeadLetters implements DeadLetters {
  private final DeadLetters delegate;
  private final int max;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Deque<Long>> sent = new HashMap<>();

  public BoundedDeadLetters(DeadLetters delegate, DeadLetterLimit limit, LongSupplier nanoClock) {
    this.delegate = delegate;
    this.max = limit.maxPerTable();
    this.windowNanos = limit.windowSeconds() * 1_000_000_000L;
    this.nanoClock = nanoClock;
  }

  @Override
  public void send(SourceRef source, String reason, String error) {
    synchronized (this) {
      Deque<Long> times = recent(source.topic());
      if (times.size() >= max) {
        throw new DeadLetterLimitException(
            source.topic(),
            "more than "
                + max
                + " dead letters from "
                + source.topic()
                + " within "
                + windowNanos / 1_000_000_000L
                + " s (deadLetterLimit); last: "
                + reason
                + ": "
                + error);
      }
      times.addLast(nanoClock.getAsLong());
    }
    delegate.send(source, reason, error);
  }

  @Override
  public synchronized int remaining(String topic) {
    return Math.max(0, max - recent(topic).size());
  }

  private Deque<Long> recent(String topic) {
    Deque<Long> times = sent.computeIfAbsent(topic, t -> new ArrayDeque<>());
    long now = nanoClock.getAsLong();
    while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
      times.removeFirst();
    }
    return times;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
