package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecheckTest {
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final OperatorConfig CONFIG =
      OperatorConfig.load(Map.of(OperatorConfig.RESYNC, "60s", OperatorConfig.NOT_READY, "10s"));

  @Test
  void shouldWaitTheResyncPeriodWhenReady() {
    assertThat(Recheck.after(true, T0, T0.plusSeconds(600), CONFIG))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void shouldRecheckANewlyNotReadyPipelineWithinASecond() {
    assertThat(Recheck.after(false, T0, T0, CONFIG)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Recheck.after(false, T0, T0.plusSeconds(3), CONFIG))
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void shouldBackOffToTheNotReadyPeriodWhileItStaysNotReady() {
    assertThat(Recheck.after(false, T0, T0.plusSeconds(20), CONFIG))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(Recheck.after(false, T0, T0.plusSeconds(3600), CONFIG))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldNeverWaitLongerThanAShorterConfiguredPeriod() {
    OperatorConfig fast = OperatorConfig.load(Map.of(OperatorConfig.NOT_READY, "500ms"));
    assertThat(Recheck.after(false, T0, T0, fast)).isEqualTo(Duration.ofMillis(500));
  }
}
