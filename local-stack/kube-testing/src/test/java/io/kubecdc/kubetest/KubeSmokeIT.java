package io.kubecdc.kubetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What only a real API server does, on the local stack's kube-apiserver v1.20.2 (or the cluster of
 * KUBECDC_TEST_KUBECONFIG): CRD status subresource and printer columns read with kubectl, the
 * controller manager's Deployment controller and garbage collector, and RBAC.
 */
class KubeSmokeIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @KubeTargetTest("real")
  void shouldPatchStatusThroughTheSubresourceAndShowItInKubectlsPrinterColumns(
      KubeTarget target, TestNamespace ns) throws Exception {
    Crds.apply(target, Widgets.crd());
    Widgets.in(target).inNamespace(ns.name()).resource(Widgets.widget("w1", 3, "blue")).create();

    Widgets.in(target)
        .inNamespace(ns.name())
        .withName("w1")
        .editStatus(
            w -> {
              w.setAdditionalProperty("status", Map.of("phase", "Ready"));
              return w;
            });

    GenericKubernetesResource read = Widgets.in(target).inNamespace(ns.name()).withName("w1").get();
    assertThat(read.getAdditionalProperties().get("status")).isEqualTo(Map.of("phase", "Ready"));
    assertThat(Widgets.spec(read)).as("schema default").containsEntry("maxSize", 10);
    List<List<String>> table = kubectl(target, "get", "widgets", "-n", ns.name());
    assertThat(table)
        .containsExactly(List.of("NAME", "SIZE", "PHASE"), List.of("w1", "3", "Ready"));
  }

  @KubeTargetTest("real")
  void shouldGarbageCollectTheOwnedDeploymentWhenItsOwnerIsDeleted(
      KubeTarget target, TestNamespace ns) {
    KubernetesClient client = target.client();
    Crds.apply(target, Widgets.crd());
    GenericKubernetesResource owner =
        Widgets.in(target)
            .inNamespace(ns.name())
            .resource(Widgets.widget("w1", 1, "blue"))
            .create();
    client.apps().deployments().inNamespace(ns.name()).resource(deployment(owner)).create();

    ReplicaSet rs =
        await("ReplicaSet of the Deployment")
            .atMost(WAIT)
            .until(
                () -> client.apps().replicaSets().inNamespace(ns.name()).list().getItems(),
                l -> !l.isEmpty())
            .get(0);
    assertThat(rs.getMetadata().getOwnerReferences())
        .extracting(OwnerReference::getKind, OwnerReference::getName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Deployment", "worker"));
    if (target.kind() == KubeTarget.Kind.LOCAL_STACK) {
      // no scheduler, no kubelet: the ReplicaSet creates its Pod, which stays Pending
      Pod pod =
          await("Pod of the ReplicaSet")
              .atMost(WAIT)
              .until(
                  () -> client.pods().inNamespace(ns.name()).list().getItems(), l -> !l.isEmpty())
              .get(0);
      assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    }

    Widgets.in(target).inNamespace(ns.name()).withName("w1").delete();
    await("Deployment garbage-collected")
        .atMost(WAIT)
        .until(
            () ->
                client.apps().deployments().inNamespace(ns.name()).withName("worker").get()
                    == null);
    await("ReplicaSet garbage-collected")
        .atMost(WAIT)
        .until(
            () -> client.apps().replicaSets().inNamespace(ns.name()).list().getItems().isEmpty());
  }

  @KubeTargetTest("real")
  void shouldRefuseAServiceAccountWhatItsRoleDoesNotAllow(KubeTarget target, TestNamespace ns) {
    KubernetesClient reader = ns.serviceAccountClient("reader", Fixtures.readConfigMaps());
    var configMap = Fixtures.configMap("c1", Map.of("k", "v"));
    target.client().configMaps().inNamespace(ns.name()).resource(configMap).create();
    assertThat(reader.configMaps().inNamespace(ns.name()).withName("c1").get().getData())
        .containsEntry("k", "v");

    configMap.getMetadata().setName("c2");
    assertThatThrownBy(
            () -> reader.configMaps().inNamespace(ns.name()).resource(configMap).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    assertThatThrownBy(() -> reader.secrets().inNamespace(ns.name()).list())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    assertThatThrownBy(() -> reader.configMaps().inNamespace("default").list())
        .as("the Role is for its namespace only")
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  private static Deployment deployment(GenericKubernetesResource owner) {
    Map<String, String> labels = Map.of("app", "worker");
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("worker")
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build())
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("registry.invalid/never-pulled:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Runs the target's kubectl and splits its table output into cells. */
  private static List<List<String>> kubectl(KubeTarget target, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                target.kubectl().orElseThrow().toString(),
                "--kubeconfig",
                target.kubeconfig().orElseThrow().toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().map(l -> List.of(l.trim().split("\\s+"))).toList();
  }
}
