package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.config.BatchConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FlushPolicyTest {
  final FlushPolicy policy =
      new FlushPolicy(100, 1000, Duration.ofMillis(200), Duration.ofSeconds(1));

  @Test
  void shouldBeFullAtMaxRowsOrMaxBytes() {
    assertThat(policy.full(99, 999)).isFalse();
    assertThat(policy.full(100, 0)).isTrue();
    assertThat(policy.full(1, 1000)).isTrue();
  }

  @Test
  void shouldBeDueWhenTheOldestRowIsMaxDelayOld() {
    long t0 = 5_000_000_000L;
    assertThat(policy.due(-1, t0)).isFalse();
    assertThat(policy.due(t0, t0 + 199_000_000)).isFalse();
    assertThat(policy.due(t0, t0 + 200_000_000)).isTrue();
  }

  @Test
  void shouldPollNoLongerThanTheDeadline() {
    long t0 = 5_000_000_000L;
    assertThat(policy.pollTimeout(-1, t0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.pollTimeout(t0, t0 + 50_000_000)).isEqualTo(Duration.ofMillis(150));
    assertThat(policy.pollTimeout(t0, t0 + 500_000_000)).isEqualTo(Duration.ZERO);
  }

  @Test
  void shouldTakeTheConfiguredBatchSettings() {
    FlushPolicy p = FlushPolicy.of(new BatchConfig(10, 20L, 30L));
    assertThat(p.maxRows()).isEqualTo(10);
    assertThat(p.maxBytes()).isEqualTo(20);
    assertThat(p.maxDelay()).isEqualTo(Duration.ofMillis(30));
  }
}
