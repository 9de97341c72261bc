package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.api.crd.v1alpha1.TablePhase;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink-worker's ConfigMap, Deployment and Service, and the status they lead to. */
class SinkWorkloadIT {
  @RegisterExtension
  static final Operators operators = new Operators(Map.of(OperatorConfig.NOT_READY, "1s"));

  @KubeTargetTest
  void shouldCreateTheWorkerObjectsOwnedByThePipeline(KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    CdcPipeline pipeline = k8s.get(ns, "orders");
    Deployment d = k8s.deployment(ns, Objects::nonNull);
    ConfigMap cm = k8s.client.configMaps().inNamespace(ns).withName("orders-sink").get();
    Service svc =
        await()
            .until(
                () -> k8s.client.services().inNamespace(ns).withName("orders-sink").get(),
                Objects::nonNull);

    for (var meta : List.of(d.getMetadata(), cm.getMetadata(), svc.getMetadata())) {
      assertThat(meta.getOwnerReferences())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.getKind()).isEqualTo("CdcPipeline");
                assertThat(o.getName()).isEqualTo("orders");
                assertThat(o.getUid()).isEqualTo(pipeline.getMetadata().getUid());
              });
      assertThat(meta.getLabels())
          .containsEntry("app.kubernetes.io/name", "kubecdc-sink-worker")
          .containsEntry("app.kubernetes.io/instance", "orders")
          .containsEntry("app.kubernetes.io/component", "sink-worker")
          .containsEntry("app.kubernetes.io/part-of", "kubecdc")
          .containsEntry("app.kubernetes.io/managed-by", "kubecdc-operator")
          .containsEntry("app.kubernetes.io/version", "1.2.3");
    }
    assertThat(cm.getData().get("sink.yaml"))
        .contains("pipeline: " + ns + "/orders")
        .contains("maxRows: 100000");

    var spec = d.getSpec();
    assertThat(spec.getReplicas()).isEqualTo(2);
    assertThat(spec.getTemplate().getMetadata().getAnnotations())
        .containsKey("kubecdc.io/config-hash");
    var pod = spec.getTemplate().getSpec();
    var c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("registry.example/kubecdc/sink-worker:1.2.3");
    assertThat(c.getImagePullPolicy()).isEqualTo("Always");
    assertThat(c.getArgs()).containsExactly("--config", "/etc/kubecdc/sink.yaml");
    assertThat(c.getResources().getRequests().get("memory").toString()).isEqualTo("256Mi");
    assertThat(c.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getContainerPort()).isEqualTo(8080);
            });
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(c.getVolumeMounts())
        .extracting(m -> m.getName() + "=" + m.getMountPath())
        .containsExactly(
            "config=/etc/kubecdc/sink.yaml",
            "clickhouse-password=/etc/kubecdc/clickhouse",
            "tmp=/tmp");
    var secretVolume =
        pod.getVolumes().stream().filter(v -> v.getSecret() != null).findFirst().orElseThrow();
    assertThat(secretVolume.getSecret().getSecretName()).isEqualTo("ch-writer");
    assertThat(secretVolume.getSecret().getItems())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getKey()).isEqualTo("pass");
              assertThat(i.getPath()).isEqualTo("password");
            });
    assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
    var sc = c.getSecurityContext();
    assertThat(sc.getRunAsNonRoot()).isTrue();
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(svc.getSpec().getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("http");
              assertThat(p.getPort()).isEqualTo(8080);
            });
    assertThat(svc.getSpec().getSelector()).isEqualTo(spec.getSelector().getMatchLabels());
  }

  @KubeTargetTest
  void shouldShowPhaseTablesAndLagOnceTheWorkersAreReady(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    assertThat(k8s.get(ns, "orders").getStatus().getPhase()).isEqualTo(Phase.Pending);

    k8s.markReady(ns, 2);

    CdcPipeline ready = k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Streaming);
    assertThat(ready.getStatus().getTablesReady()).isEqualTo("2/2");
    assertThat(ready.getStatus().getLag()).isEqualTo(6L);
    assertThat(StatusMapper.ready(ready.getStatus()).orElseThrow().getStatus()).isEqualTo("True");
    assertThat(ready.getStatus().getObservedGeneration())
        .isEqualTo(ready.getMetadata().getGeneration());
    await().untilAsserted(() -> assertThat(k8s.events(ns)).contains("Normal/Streaming"));
  }

  @KubeTargetTest
  void shouldShowATableDroppedAtTheSourceAndEachTablesDeadLetters(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.core.tablesIn.put(
        ns,
        tables -> {
          tables.get(0).setPhase(TablePhase.Streaming);
          tables.get(0).setDeadLetters(2L);
          tables.get(1).setPhase(TablePhase.SourceTableMissing);
          tables.get(1).setDeadLetters(0L);
          return tables;
        });

    k8s.markReady(ns, 2);

    CdcPipeline p =
        k8s.awaitPipeline(
            ns,
            x ->
                x.getStatus().getTables().size() == 2
                    && x.getStatus().getTables().get(1).getPhase()
                        == TablePhase.SourceTableMissing);
    assertThat(p.getStatus().getTablesReady()).isEqualTo("1/2");
    assertThat(p.getStatus().getTables())
        .extracting(TableStatus::getPhase, TableStatus::getDeadLetters)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TablePhase.Streaming, 2L),
            org.assertj.core.groups.Tuple.tuple(TablePhase.SourceTableMissing, 0L));
  }

  @KubeTargetTest
  void shouldScaleTheWorkersToZeroWhilePaused(KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.patch(ns, "{\"spec\":{\"paused\":true}}");

    k8s.deployment(ns, d -> d.getSpec().getReplicas() == 0);
    CdcPipeline paused = k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Paused);
    assertThat(StatusMapper.ready(paused.getStatus()).orElseThrow().getReason())
        .isEqualTo("Paused");
  }

  @KubeTargetTest
  void shouldRollTheWorkersWhenTheSpecChanges(KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.markReady(ns, 2);
    String hash = configHash(k8s.deployment(ns, Objects::nonNull));
    long generation = k8s.get(ns, "orders").getMetadata().getGeneration();

    k8s.patch(ns, "{\"spec\":{\"sink\":{\"batch\":{\"maxRows\":500}}}}");

    Deployment rolled = k8s.deployment(ns, d -> !configHash(d).equals(hash));
    assertThat(
            k8s.client
                .configMaps()
                .inNamespace(ns)
                .withName("orders-sink")
                .get()
                .getData()
                .get("sink.yaml"))
        .contains("maxRows: 500");
    CdcPipeline changed =
        k8s.awaitPipeline(ns, p -> p.getStatus().getObservedGeneration() > generation);
    assertThat(changed.getStatus().getObservedGeneration())
        .isEqualTo(changed.getMetadata().getGeneration());
    assertThat(configHash(rolled)).isNotEqualTo(hash);
  }

  @KubeTargetTest
  void shouldPutNoPasswordInAnyObjectStatusOrEvent(KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.running();
    k8s.markReady(ns, 2);
    k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Streaming);
    var json = k8s.client.getKubernetesSerialization();
    String everything =
        json.asJson(k8s.client.configMaps().inNamespace(ns).list())
            + json.asJson(k8s.client.apps().deployments().inNamespace(ns).list())
            + json.asJson(k8s.client.services().inNamespace(ns).list())
            + json.asJson(k8s.get(ns, "orders"))
            + json.asJson(k8s.client.v1().events().inNamespace(ns).list());
    assertThat(everything).contains("orders-sink").doesNotContain("s3cr3t");
  }

  static String configHash(Deployment d) {
    return d.getSpec().getTemplate().getMetadata().getAnnotations().get("kubecdc.io/config-hash");
  }
}
