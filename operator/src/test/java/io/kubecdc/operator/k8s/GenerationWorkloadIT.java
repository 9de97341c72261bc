package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker per checkpoint generation: raising the version adds the new generation's ConfigMap and
 * Deployment beside the live one's; once the core no longer lists the old generation (it switched
 * in), the old objects go. The core is the test double, which builds the generation until the test
 * says it is live.
 */
class GenerationWorkloadIT {
  @RegisterExtension
  static final Operators operators = new Operators(Map.of(OperatorConfig.NOT_READY, "1s"));

  private static final Duration WAIT = Duration.ofSeconds(60);

  @KubeTargetTest
  void shouldRunOneWorkerPerGenerationAndRemoveTheReplacedOne(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();

    k8s.patch(ns, "{\"spec\":{\"checkpoint\":{\"version\":2}}}");

    Deployment v2 =
        await().atMost(WAIT).until(() -> deployment(k8s, ns, "orders-sink-v2"), Objects::nonNull);
    assertThat(v2.getSpec().getSelector().getMatchLabels())
        .containsEntry("kubecdc.io/checkpoint-version", "2")
        .containsEntry("app.kubernetes.io/instance", "orders");
    assertThat(v2.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("kubecdc.io/checkpoint-version", "2");
    assertThat(v2.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("orders"));
    assertThat(configMap(k8s, ns, "orders-sink-v2")).contains("generation: 2");
    Deployment v1 = deployment(k8s, ns, "orders-sink");
    assertThat(v1).isNotNull();
    assertThat(v1.getSpec().getSelector().getMatchLabels())
        .doesNotContainKey("kubecdc.io/checkpoint-version");
    assertThat(configMap(k8s, ns, "orders-sink")).contains("generation: 1");
    k8s.awaitPipeline(ns, p -> states(p).equals("1:Live,2:Building"));

    k8s.core.live.put(ns, 2);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(deployment(k8s, ns, "orders-sink")).isNull();
              assertThat(k8s.client.configMaps().inNamespace(ns).withName("orders-sink").get())
                  .isNull();
            });
    assertThat(deployment(k8s, ns, "orders-sink-v2")).isNotNull();
    assertThat(k8s.client.services().inNamespace(ns).withName("orders-sink").get()).isNotNull();
    k8s.awaitPipeline(ns, p -> states(p).equals("1:Retired,2:Live"));
  }

  /** {@code 1:Live,2:Building}: the generations of the status. */
  private static String states(CdcPipeline p) {
    return p.getStatus() == null
        ? ""
        : p.getStatus().getGenerations().stream()
            .map(g -> g.getVersion() + ":" + g.getState())
            .collect(Collectors.joining(","));
  }

  private static Deployment deployment(DriverOnTarget k8s, String ns, String name) {
    return k8s.client.apps().deployments().inNamespace(ns).withName(name).get();
  }

  private static String configMap(DriverOnTarget k8s, String ns, String name) {
    return k8s.client.configMaps().inNamespace(ns).withName(name).get().getData().get("sink.yaml");
  }
}
