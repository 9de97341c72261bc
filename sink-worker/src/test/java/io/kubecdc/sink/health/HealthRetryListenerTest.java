package io.kubecdc.sink.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.clickhouse.ClickHouseSystematicException;
import io.kubecdc.sink.fakes.LogCapture;
import io.kubecdc.sink.metrics.SinkMetrics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRetryListenerTest {
  private final HealthState health = new HealthState();
  private final HealthRetryListener listener =
      new HealthRetryListener(health, new SinkMetrics(), List.of());

  @Test
  void shouldNameASystematicRefusalInTheReadinessReasonsUntilItIsAccepted() {
    health.started();
    String what = "insert `d`.`t` rows 0..5";
    listener.retrying(
        what,
        ClickHouseSystematicException.KIND,
        1,
        Duration.ofMillis(100),
        new ClickHouseSystematicException(16, "insert into `d`.`t` refused: code 16", null));
    assertThat(health.notReadyReasons())
        .containsExactly("refused: insert into `d`.`t` refused: code 16");
    listener.ended(what, 2, true);
    assertThat(health.ready()).isTrue();
  }

  @Test
  void shouldLogARefusalOnceWhenItStartsAndOnceWhenItIsAccepted() {
    String what = "insert `d`.`t` rows 0..5";
    try (LogCapture log = new LogCapture(HealthRetryListener.class)) {
      for (int attempt = 1; attempt <= 5; attempt++) {
        listener.retrying(
            what,
            ClickHouseSystematicException.KIND,
            attempt,
            Duration.ofMillis(100),
            new ClickHouseSystematicException(16, "code 16", null));
      }
      listener.ended(what, 6, true);
      assertThat(log.containing("event="))
          .containsExactly(
              "WARN event=retry op=\"insert `d`.`t` rows 0..5\" kind=clickhouse_systematic"
                  + " error=\"ClickHouseSystematicException: code 16\"",
              "INFO event=recovered op=\"insert `d`.`t` rows 0..5\" attempts=6");
    }
  }

  @Test
  void shouldStayNotReadyOnceHalted() {
    health.started();
    health.halted("more than 100 dead letters from t within 60 s");
    assertThat(health.notReadyReasons())
        .containsExactly("halted: more than 100 dead letters from t within 60 s");
  }
}
