package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.Phase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A healthy pipeline is rechecked on the resync period, and nothing is written meanwhile. */
@Tag("integration")
class IdleIT {
  @BeforeAll
  static void start() {
    SinkWorkloadIT.k8s = new MockOperator(Map.of(OperatorConfig.RESYNC, "2s"));
  }

  @AfterAll
  static void stop() {
    SinkWorkloadIT.k8s.close();
  }

  @Test
  void shouldCallTheCoreOncePerResyncPeriodAndWriteNothingWhileIdle() {
    var k8s = SinkWorkloadIT.k8s;
    String ns = SinkWorkloadIT.running();
    SinkWorkloadIT.markReady(ns, 2);
    SinkWorkloadIT.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Streaming);
    String version = k8s.get(ns, "orders").getMetadata().getResourceVersion();
    int events = SinkWorkloadIT.events(ns).size();
    long before = k8s.core.callsFor(ns);

    await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);

    long calls = k8s.core.callsFor(ns) - before;
    assertThat(calls).as("core calls in 8 s with a 2 s resync").isBetween(2L, 5L);
    assertThat(k8s.get(ns, "orders").getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(SinkWorkloadIT.events(ns)).hasSize(events);
  }
}
