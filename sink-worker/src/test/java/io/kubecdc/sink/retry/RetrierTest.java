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
        public void recovered(String what, int attempts) {
          events.add("recovered " + attempts);
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
}
