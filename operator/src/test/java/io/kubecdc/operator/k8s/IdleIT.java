package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A healthy pipeline is rechecked on the resync period, and nothing is written meanwhile: no status
 * patch, no Event, and no apply or update of the worker objects (counted at the operator's client).
 */
class IdleIT {
  @RegisterExtension
  static final Operators operators = new Operators(Map.of(OperatorConfig.RESYNC, "2s"));

  @KubeTargetTest
  void shouldCallTheCoreOncePerResyncPeriodAndWriteNothingWhileIdle(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.markReady(ns, 2);
    k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Streaming);
    String version = k8s.get(ns, "orders").getMetadata().getResourceVersion();
    int events = k8s.events(ns).size();
    long before = k8s.core.callsFor(ns);
    int writes = k8s.calls.writes().size();

    await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);

    long calls = k8s.core.callsFor(ns) - before;
    System.out.printf("figure idle_core_calls=%d window=8s resync=2s%n", calls);
    assertThat(calls).as("core calls in 8 s with a 2 s resync").isBetween(2L, 5L);
    assertThat(k8s.get(ns, "orders").getMetadata().getResourceVersion()).isEqualTo(version);
    assertThat(k8s.events(ns)).hasSize(events);
    // no apply of unchanged dependents either: a real server would take each as a write
    var all = k8s.calls.writes();
    assertThat(all.subList(writes, all.size())).as("writes of the operator while idle").isEmpty();
  }
}
