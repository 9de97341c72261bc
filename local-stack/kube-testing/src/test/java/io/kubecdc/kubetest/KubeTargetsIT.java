package io.kubecdc.kubetest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubecdc.stack.StackLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The dual mode itself: every method runs on the fabric8 mock server and on the real server (the
 * local stack's kube-apiserver, or KUBECDC_TEST_KUBECONFIG's cluster), each in a fresh namespace.
 */
class KubeTargetsIT {

  @KubeTargetTest
  void shouldStoreAConfigMapInTheInvocationsOwnNamespace(KubeTarget target, TestNamespace ns) {
    KubernetesClient client = target.client();
    client
        .configMaps()
        .inNamespace(ns.name())
        .resource(Fixtures.configMap("settings", Map.of("batch.size", "500")))
        .create();

    ConfigMap read = client.configMaps().inNamespace(ns.name()).withName("settings").get();
    assertThat(read.getData()).containsExactly(Map.entry("batch.size", "500"));
    assertThat(client.namespaces().withName(ns.name()).get()).isNotNull();
    assertThat(ns.name()).startsWith("t-shouldstoreaconfigmap").matches("[a-z0-9-]{1,63}");
  }

  @KubeTargetTest
  void shouldServeObjectsOfAnAppliedCrd(KubeTarget target, TestNamespace ns) {
    Crds.apply(target, Widgets.crd());
    Widgets.in(target).inNamespace(ns.name()).resource(Widgets.widget("w1", 3, "blue")).create();

    GenericKubernetesResource read = Widgets.in(target).inNamespace(ns.name()).withName("w1").get();
    assertThat(Widgets.spec(read)).containsEntry("size", 3).containsEntry("color", "blue");
    assertThat(Widgets.in(target).inNamespace(ns.name()).list().getItems())
        .extracting(w -> w.getMetadata().getName())
        .containsExactly("w1");
  }

  @KubeTargetTest
  void shouldLetAServiceAccountReadWhatItsRoleAllows(KubeTarget target, TestNamespace ns) {
    // skipped on the mock server, with the reason: it has no RBAC and no token controller
    KubernetesClient reader = ns.serviceAccountClient("reader", Fixtures.readConfigMaps());
    target
        .client()
        .configMaps()
        .inNamespace(ns.name())
        .resource(Fixtures.configMap("visible", Map.of("k", "v")))
        .create();

    assertThat(reader.configMaps().inNamespace(ns.name()).withName("visible").get().getData())
        .containsEntry("k", "v");
  }

  @KubeTargetTest
  void shouldApplyTheProjectsCrdsWithinTheServersLimits(KubeTarget target) throws IOException {
    List<Path> files;
    try (var list = Files.list(StackLayout.fromBuild().repoRoot().resolve("crds"))) {
      files = list.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      CustomResourceDefinition crd = Crds.load(Files.newInputStream(file));
      Crds.apply(target, crd);

      CustomResourceDefinition served =
          target
              .client()
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .withName(crd.getMetadata().getName())
              .get();
      assertThat(served.getSpec().getNames().getKind())
          .isEqualTo(crd.getSpec().getNames().getKind());
      assertThat(served.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
          .extracting(c -> c.getName())
          .isEqualTo(
              crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
                  .map(c -> c.getName())
                  .toList());
    }
  }
}
