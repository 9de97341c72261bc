package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.cleanup.Leftover;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The finalizer: workers first, then the core's teardown; leftovers hold it until forced. */
class DeletionIT {
  @RegisterExtension
  static final Operators operators = new Operators(Map.of(OperatorConfig.NOT_READY, "1s"));

  @KubeTargetTest
  void shouldStopTheWorkersBeforeTheTeardownAndThenReleaseTheFinalizer(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    assertThat(k8s.get(ns, "orders").getMetadata().getFinalizers()).isNotEmpty();

    k8s.pipelineResource(ns).delete();

    await().atMost(Duration.ofSeconds(30)).until(() -> k8s.get(ns, "orders") == null);
    assertThat(k8s.core.teardowns)
        .filteredOn(t -> t.startsWith(ns))
        .containsExactly(ns + " deployment=gone");
    assertThat(k8s.client.configMaps().inNamespace(ns).withName("orders-sink").get()).isNull();
    assertThat(k8s.client.services().inNamespace(ns).withName("orders-sink").get()).isNull();
  }

  @KubeTargetTest
  void shouldKeepTheFinalizerAndShowTheLeftoversUntilForceDelete(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.core.leftovers =
        r ->
            r.namespace().equals(ns)
                ? List.of(
                    new Leftover(
                        "replication slot s1",
                        "source unreachable",
                        "SELECT pg_drop_replication_slot('s1')"))
                : List.of();

    k8s.pipelineResource(ns).delete();

    CdcPipeline deleting = k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Deleting);
    var ready = StatusMapper.ready(deleting.getStatus()).orElseThrow();
    assertThat(ready.getReason()).isEqualTo("LeftoversRemain");
    assertThat(ready.getMessage())
        .contains("replication slot s1 (source unreachable): SELECT pg_drop_replication_slot('s1')")
        .contains("kubecdc.io/force-delete");
    assertThat(deleting.getMetadata().getFinalizers()).isNotEmpty();
    await().untilAsserted(() -> assertThat(k8s.events(ns)).contains("Warning/LeftoversRemain"));

    k8s.patch(ns, "{\"metadata\":{\"annotations\":{\"kubecdc.io/force-delete\":\"true\"}}}");

    await().atMost(Duration.ofSeconds(30)).until(() -> k8s.get(ns, "orders") == null);
    var released =
        k8s.client.v1().events().inNamespace(ns).list().getItems().stream()
            .filter(e -> e.getReason().equals("FinalizerReleased"))
            .findFirst()
            .orElseThrow();
    assertThat(released.getType()).isEqualTo("Warning");
    assertThat(released.getMessage()).contains("pg_drop_replication_slot('s1')");
  }

  @KubeTargetTest
  void shouldListEverythingOutsideWhenTheEnvironmentIsGoneAtDeletion(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.client.resources(CdcEnvironment.class).inNamespace(ns).withName("default").delete();

    k8s.pipelineResource(ns).delete();

    CdcPipeline deleting = k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Deleting);
    String message = StatusMapper.ready(deleting.getStatus()).orElseThrow().getMessage();
    String slot = new io.kubecdc.contract.PipelineNames(ns, "orders").slot();
    assertThat(message)
        .contains("CdcEnvironment " + ns + "/default not found")
        .contains("SELECT pg_drop_replication_slot('" + slot + "')")
        .contains("DROP PUBLICATION")
        .contains("connectors/" + ns + ".orders");
    assertThat(k8s.core.teardowns).noneMatch(t -> t.startsWith(ns));
  }

  @KubeTargetTest("real")
  void shouldLeaveTheWorkerObjectsToTheGarbageCollectorWhenNoOperatorRuns(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    operators.stop(target);

    // what a user does once the operator is uninstalled: release the finalizer by hand
    k8s.patch(ns, "{\"metadata\":{\"finalizers\":null}}");
    k8s.pipelineResource(ns).delete();

    // the controller manager's garbage collector follows the owner references
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(k8s.client.configMaps().inNamespace(ns).withName("orders-sink").get())
                  .isNull();
              assertThat(k8s.client.services().inNamespace(ns).withName("orders-sink").get())
                  .isNull();
              assertThat(k8s.client.apps().deployments().inNamespace(ns).list().getItems())
                  .isEmpty();
              assertThat(k8s.client.apps().replicaSets().inNamespace(ns).list().getItems())
                  .isEmpty();
            });
  }
}
