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
 */
public final class Retrier {
  /** Sleeps; the default is {@link Thread#sleep}. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
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
    for (int attempt = 0; ; attempt++) {
      try {
        T result = action.call();
        if (attempt > 0) {
          log.info("event=recovered op=\"{}\" attempts={}", what, attempt + 1);
          listener.recovered(what, attempt + 1);
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
        Duration delay = backoff.delay(attempt);
        // one line when the operation starts failing and one when it recovers; the retries in
        // between are counted by the listener, and logged at debug
        if (attempt == 0) {
          log.warn(
              "event=retry op=\"{}\" kind={} attempt={} delayMs={} error=\"{}\"",
              what,
              kind,
              attempt + 1,
              delay.toMillis(),
              rootMessage(e));
        } else {
          log.debug(
              "event=retry op=\"{}\" kind={} attempt={} delayMs={}",
              what,
              kind,
              attempt + 1,
              delay.toMillis());
        }
        listener.retrying(what, kind, attempt + 1, delay, e);
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StoppedException(what, e);
        }
      }
    }
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

  static String rootMessage(Throwable e) {
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
