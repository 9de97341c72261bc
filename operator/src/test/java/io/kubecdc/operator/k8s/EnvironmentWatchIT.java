package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The environment is watched: with the default rechecks (10 s not ready, 60 s ready) a change of it
 * reaches the pipelines that name it within seconds, which only the watch can do.
 */
class EnvironmentWatchIT {
  private static final Duration SOONER_THAN_ANY_RECHECK = Duration.ofSeconds(6);

  @RegisterExtension static final Operators operators = new Operators(Map.of());

  @KubeTargetTest
  void shouldReconcileAsSoonAsTheMissingEnvironmentIsCreated(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("secrets", ns);
    k8s.apply("pipeline", ns);
    k8s.awaitPipeline(
        ns,
        p ->
            "EnvironmentNotFound"
                .equals(StatusMapper.ready(p.getStatus()).orElseThrow().getReason()));
    assertThat(k8s.events(ns)).contains("Warning/EnvironmentNotFound");

    k8s.apply("environment", ns);

    await().atMost(SOONER_THAN_ANY_RECHECK).until(() -> k8s.core.callsFor(ns) > 0);
  }

  @KubeTargetTest
  void shouldRollTheWorkersWhenTheEnvironmentChangesTheirImage(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.markReady(ns, 2);
    k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Streaming);

    k8s.client
        .resources(CdcEnvironment.class)
        .inNamespace(ns)
        .withName("default")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"sink\":{\"image\":\"registry.example/kubecdc/sink-worker:1.2.4\"}}}");

    var d =
        await()
            .atMost(SOONER_THAN_ANY_RECHECK)
            .until(
                () -> k8s.deployment(ns, x -> true),
                x ->
                    x.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage()
                        .endsWith(":1.2.4"));
    assertThat(d.getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "1.2.4");
    // the Service's labels follow too: a replace without its clusterIP answers 422 on a real server
    await()
        .atMost(SOONER_THAN_ANY_RECHECK)
        .until(
            () ->
                k8s.client
                    .services()
                    .inNamespace(ns)
                    .withName(d.getMetadata().getName())
                    .get()
                    .getMetadata()
                    .getLabels()
                    .get("app.kubernetes.io/version"),
            "1.2.4"::equals);
  }
}
