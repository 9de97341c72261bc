package io.kubecdc.operator.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
  private Instant now = Instant.parse("2026-12-01T08:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void shouldDoubleTheWaitUpToTheCapAndResetWhenRunning() {
    var b = new RestartBackoff(Duration.ofSeconds(10), Duration.ofSeconds(30), clock);
    assertThat(b.tryRestart("c")).isTrue();
    assertThat(b.tryRestart("c")).as("within 10 s").isFalse();
    now = now.plusSeconds(10);
    assertThat(b.tryRestart("c")).isTrue();
    now = now.plusSeconds(19);
    assertThat(b.tryRestart("c")).as("within 20 s").isFalse();
    now = now.plusSeconds(1);
    assertThat(b.tryRestart("c")).isTrue();
    assertThat(b.restarts("c")).isEqualTo(3);
    assertThat(b.nextRestart("c")).isEqualTo(now.plusSeconds(30));
    now = now.plusSeconds(30);
    assertThat(b.tryRestart("c")).isTrue();
    assertThat(b.nextRestart("c")).as("capped").isEqualTo(now.plusSeconds(30));

    b.running("c");
    assertThat(b.restarts("c")).isZero();
    assertThat(b.tryRestart("c")).isTrue();
  }
}
