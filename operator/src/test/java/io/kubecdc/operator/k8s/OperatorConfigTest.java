package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {
  @Test
  void shouldDefaultToAllNamespacesAMinuteResyncAndFifteenMinutesGrace() {
    OperatorConfig c = OperatorConfig.defaults();
    assertThat(c.allNamespaces()).isTrue();
    assertThat(c.resyncPeriod()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.notReadyRecheck()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.deletionGracePeriod()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.sinkImage()).isEqualTo(OperatorConfig.DEFAULT_SINK_IMAGE);
    assertThat(c.logLevel()).isEqualTo("INFO");
  }

  @Test
  void shouldReadEveryVariable() {
    OperatorConfig c =
        OperatorConfig.load(
            Map.of(
                "KUBECDC_WATCH_NAMESPACES", " dev, prod ,",
                "KUBECDC_RESYNC_PERIOD", "5m",
                "KUBECDC_NOT_READY_RECHECK", "500ms",
                "KUBECDC_SINK_IMAGE", "reg/sink:9",
                "KUBECDC_DELETION_GRACE_PERIOD", "1h",
                "KUBECDC_LOG_LEVEL", "debug"));
    assertThat(c.namespaces()).isEqualTo(Set.of("dev", "prod"));
    assertThat(c.resyncPeriod()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.notReadyRecheck()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.sinkImage()).isEqualTo("reg/sink:9");
    assertThat(c.deletionGracePeriod()).isEqualTo(Duration.ofHours(1));
    assertThat(c.logLevel()).isEqualTo("DEBUG");
  }

  @Test
  void shouldNameEveryBadVariableAtOnce() {
    assertThatThrownBy(
            () ->
                OperatorConfig.load(
                    Map.of(
                        "KUBECDC_WATCH_NAMESPACES", "Prod",
                        "KUBECDC_RESYNC_PERIOD", "60",
                        "KUBECDC_DELETION_GRACE_PERIOD", "0s",
                        "KUBECDC_SINK_IMAGE", "a b",
                        "KUBECDC_LOG_LEVEL", "loud",
                        "KUBECDC_HTTP_PORT", "80800")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KUBECDC_WATCH_NAMESPACES holds 'Prod'")
        .hasMessageContaining("KUBECDC_RESYNC_PERIOD must be a positive duration")
        .hasMessageContaining(
            "KUBECDC_DELETION_GRACE_PERIOD must be a positive duration such as 30s, 5m or 1h, got '0s'")
        .hasMessageContaining("KUBECDC_SINK_IMAGE must be an image reference")
        .hasMessageContaining("KUBECDC_LOG_LEVEL must be one of")
        .hasMessageContaining("KUBECDC_HTTP_PORT must be a port number");
  }
}
