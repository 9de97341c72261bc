package io.kubecdc.sink.retry;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation until it succeeds, sleeping {@link Backoff} delays between attempts while the
 * failure is transient ({@link TransientException} or a retriable Kafka error). Other failures
 * propagate at once. Stops waiting (with {@link StoppedException}) when the worker is stopping.
 * Attempts are logged at DEBUG only: an outage is told once by the dependency's monitor (through
 * the {@link RetryListener}) and counted in metrics, not logged per attempt.
 */
public final class Retrier {
  /** Sleeps; the default is {@link Thread#sleep}. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** Grows when pauses were ended early because a dependency came back. */
    default long wakeups() {
      return 0;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(Retrier.class);

  private final Backoff backoff;
  private final Sleeper sleeper;
  private final RetryListener listener;
  private final BooleanSupplier stopping;

  public Retrier(
      Backoff backoff, Sleeper sleeper, RetryListener listener, BooleanSupplier stopping) {
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.listener = listener;
    this.stopping = stopping;
  }

  public void run(String what, Action action) {
    call(
        what,
        () -> {
          action.run();
          return null;
        });
  }

  public <T> T call(String what, Callable<T> action) {
    int failures = 0;
    boolean succeeded = false;
    try {
      for (int attempt = 0; ; attempt++) {
        try {
          T result = action.call();
          succeeded = true;
          if (failures > 0) {
            log.debug("event=recovered op=\"{}\" attempts={}", what, failures + 1);
          }
          return result;
        } catch (Exception e) {
          String kind = transientKind(e);
          if (kind == null) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
          }
          if (stopping.getAsBoolean()) {
            throw new StoppedException(what, e);
          }
          failures++;
          Duration delay = backoff.delay(attempt);
          log.debug(
              "event=retry op=\"{}\" kind={} attempt={} delayMs={} error=\"{}\"",
              what,
              kind,
              failures,
              delay.toMillis(),
              rootMessage(e));
          listener.retrying(what, kind, failures, delay, e);
          if (pause(delay, what, e)) {
            attempt = -1; // the dependency is back: retry now, then from the shortest delay
          }
        }
      }
    } finally {
      if (failures > 0) {
        listener.ended(what, failures + 1, succeeded);
      }
    }
  }

  /** Sleeps; true when the pause was ended early by a recovered dependency. */
  private boolean pause(Duration delay, String what, Exception cause) {
    long wakeups = sleeper.wakeups();
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new StoppedException(what, cause);
    }
    return sleeper.wakeups() != wakeups;
  }

  /** The error kind when {@code e} is worth retrying, else null. */
  public static String transientKind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransientException te) {
        return te.kind();
      }
      if (t instanceof RetriableException) {
        return "kafka_unavailable";
      }
    }
    return null;
  }

  public static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** An operation without a result. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }
}
