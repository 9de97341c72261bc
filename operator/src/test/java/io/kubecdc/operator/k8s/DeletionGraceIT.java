package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.cleanup.Leftover;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A deletion with leftovers does not hang: the grace period releases the finalizer. */
class DeletionGraceIT {
  @RegisterExtension
  static final Operators operators = new Operators(Map.of(OperatorConfig.GRACE, "3s"));

  @KubeTargetTest
  void shouldReleaseTheFinalizerAfterTheGracePeriodWithAWarningListingTheLeftovers(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.core.leftovers =
        r -> List.of(new Leftover("publication p1", "source unreachable", "DROP PUBLICATION p1"));

    k8s.pipelineResource(ns).delete();

    k8s.awaitPipeline(
        ns,
        p ->
            p.getMetadata().getFinalizers().size() == 1
                && "LeftoversRemain"
                    .equals(StatusMapper.ready(p.getStatus()).orElseThrow().getReason()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> k8s.get(ns, DriverOnTarget.PIPELINE) == null);
    var released =
        k8s.client.v1().events().inNamespace(ns).list().getItems().stream()
            .filter(e -> e.getReason().equals("FinalizerReleased"))
            .findFirst()
            .orElseThrow();
    assertThat(released.getMessage())
        .contains("grace period")
        .contains("publication p1 (source unreachable): DROP PUBLICATION p1");
  }
}
