package io.kubecdc.sink.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class RetrierTest {
  final List<Duration> sleeps = new ArrayList<>();
  final List<String> events = new ArrayList<>();
  boolean stopping;

  final RetryListener listener =
      new RetryListener() {
        @Override
        public void retrying(String what, String kind, int attempt, Duration delay, Throwable e) {
          events.add("retry " + kind + " " + attempt);
        }

        @Override
        public void ended(String what, int attempts, boolean succeeded) {
          events.add((succeeded ? "recovered " : "gave up ") + attempts);
        }
      };

  Retrier retrier(double jitter, double random) {
    return new Retrier(
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), jitter, () -> random),
        sleeps::add,
        listener,
        () -> stopping);
  }

  @Test
  void shouldDoubleTheDelayUpToTheCap() {
    Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0, () -> 0.5);
    assertThat(List.of(0, 1, 2, 3, 8, 9, 50))
        .extracting(a -> b.delay(a).toMillis())
        .containsExactly(100L, 200L, 400L, 800L, 25_600L, 30_000L, 30_000L);
  }

  @Test
  void shouldJitterDownwardsWithinTheConfiguredShare() {
    assertThat(
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0.2, () -> 1.0)
                .delay(3)
                .toMillis())
        .isEqualTo(640);
    assertThat(
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0.2, () -> 0.0)
                .delay(3)
                .toMillis())
        .isEqualTo(800);
  }

  @Test
  void shouldRetryTransientFailuresUntilSuccess() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        retrier(0, 0)
            .call(
                "op",
                () -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new TimeoutException("kafka slow");
                  }
                  return "done";
                });
    assertThat(result).isEqualTo("done");
    assertThat(sleeps).extracting(Duration::toMillis).containsExactly(100L, 200L);
    assertThat(events)
        .containsExactly("retry kafka_unavailable 1", "retry kafka_unavailable 2", "recovered 3");
  }

  @Test
  void shouldPropagateNonTransientFailuresAtOnce() {
    assertThatThrownBy(
            () ->
                retrier(0, 0)
                    .run(
                        "op",
                        () -> {
                          throw new IllegalArgumentException("bad");
                        }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldGiveUpOnlyWhenStopping() {
    stopping = true;
    assertThatThrownBy(
            () ->
                retrier(0, 0)
                    .run(
                        "op",
                        () -> {
                          throw new TransientException("clickhouse_unavailable", "down", null);
                        }))
        .isInstanceOf(StoppedException.class);
  }

  @Test
  void shouldRetryAtOnceAndFromTheShortestDelayWhenADependencyComesBack() {
    RetryPause pause = new RetryPause();
    List<Long> delays = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Retrier woken =
        new Retrier(
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0, () -> 0),
            new Retrier.Sleeper() {
              @Override
              public void sleep(Duration d) throws InterruptedException {
                delays.add(d.toMillis());
                if (d.toMillis() == 800) {
                  pause.wake(); // the probe sees the dependency again during a long pause
                }
                pause.sleep(Duration.ZERO);
              }

              @Override
              public long wakeups() {
                return pause.wakeups();
              }
            },
            listener,
            () -> false);
    woken.call(
        "op",
        () -> {
          if (calls.incrementAndGet() < 7) {
            throw new TransientException("kafka_unavailable", "down", null);
          }
          return null;
        });
    assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 100L, 200L);
    assertThat(events).last().isEqualTo("recovered 7");
  }

  @Test
  void shouldEndAPauseEarlyWhenWokenOrStopped() throws Exception {
    RetryPause pause = new RetryPause();
    Thread waker =
        new Thread(
            () -> {
              sleepQuietly(100);
              pause.wake();
            });
    waker.start();
    long start = System.nanoTime();
    pause.sleep(Duration.ofSeconds(30));
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(10).toNanos());
    pause.stop();
    pause.sleep(Duration.ofSeconds(30));
    waker.join();
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
