package io.kubecdc.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.ClickHouseTarget;
import io.kubecdc.api.crd.v1alpha1.SourceSelection;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.k8s.OperatorConfig;
import io.kubecdc.operator.k8s.OperatorMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code helm install} of the chart on a real API server (the local stack's v1.20, or the cluster
 * of {@code KUBECDC_TEST_KUBECONFIG}), as a platform engineer runs it: the objects it creates, the
 * permissions its ServiceAccount gets (asked of the server's own authorizer), and the operator
 * working under exactly those permissions.
 */
class HelmInstallIT {

  @KubeTargetTest("real")
  void shouldGrantTheOperatorTheChartsRulesInTheWatchedNamespacesOnly(
      KubeTarget target, TestNamespace system) throws Exception {
    KubernetesClient admin = target.client();
    try (TestNamespace dev = TestNamespace.create(target, "dev");
        TestNamespace other = TestNamespace.create(target, "other")) {
      String release = "kubecdc-" + UUID.randomUUID().toString().substring(0, 6);
      Release installed =
          install(target, system, release, "operator.watchNamespaces[0]", dev.name());
      try {
        assertThat(installed.getStatus()).isEqualTo("deployed");
        assertThat(admin.apps().deployments().inNamespace(system.name()).withName(release).get())
            .isNotNull();
        assertThat(admin.rbac().roles().inNamespace(dev.name()).withName(release).get())
            .isNotNull();
        assertThat(admin.rbac().clusterRoles().withName(release).get()).isNull();
        assertThat(
                admin
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName("cdcpipelines.kubecdc.io")
                    .get())
            .isNotNull();

        String user = "system:serviceaccount:" + system.name() + ":" + release;
        for (PolicyRule rule : rules()) {
          for (String resource : rule.getResources()) {
            for (String verb : rule.getVerbs()) {
              String group = rule.getApiGroups().get(0);
              assertThat(allowed(admin, user, verb, group, resource, dev.name()))
                  .as("%s %s/%s in the watched namespace", verb, group, resource)
                  .isTrue();
              assertThat(allowed(admin, user, verb, group, resource, other.name()))
                  .as("%s %s/%s in a namespace it does not watch", verb, group, resource)
                  .isFalse();
            }
          }
        }
        assertThat(allowed(admin, user, "list", "", "secrets", dev.name())).isFalse();
        assertThat(allowed(admin, user, "delete", "kubecdc.io", "cdcpipelines", dev.name()))
            .isFalse();

        // the operator itself, as that ServiceAccount: it watches, reconciles and writes status
        KubernetesClient asOperator = system.tokenClient(release);
        OperatorConfig config =
            OperatorConfig.load(
                Map.of(OperatorConfig.NAMESPACES, dev.name(), "KUBECDC_HTTP_PORT", "0"));
        Operator operator =
            OperatorMain.start(asOperator, config, c -> OperatorMain.defaultCore(), true);
        try {
          admin.resource(pipeline(dev.name())).create();
          Condition ready = awaitReady(admin, dev.name());
          assertThat(ready.getStatus()).isEqualTo("False");
          assertThat(ready.getMessage()).contains("CdcEnvironment").contains("default");
        } finally {
          operator.stop();
        }
      } finally {
        com.marcnuri.helm.Helm.uninstall(release)
            .withNamespace(system.name())
            .withKubeConfig(kubeconfig(target))
            .call();
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> admin.rbac().roles().inNamespace(dev.name()).withName(release).get() == null);
    }
  }

  @KubeTargetTest("real")
  void shouldGrantClusterWideWhenWatchingAllNamespaces(KubeTarget target, TestNamespace system)
      throws Exception {
    KubernetesClient admin = target.client();
    String release = "kubecdc-" + UUID.randomUUID().toString().substring(0, 6);
    install(target, system, release);
    try {
      assertThat(admin.rbac().clusterRoles().withName(release).get().getRules()).isEqualTo(rules());
      String user = "system:serviceaccount:" + system.name() + ":" + release;
      assertThat(allowed(admin, user, "watch", "kubecdc.io", "cdcpipelines", "any-namespace"))
          .isTrue();
      assertThat(allowed(admin, user, "get", "", "secrets", "any-namespace")).isTrue();
      assertThat(allowed(admin, user, "list", "", "secrets", "any-namespace")).isFalse();
      assertThat(allowed(admin, user, "create", "", "namespaces", null)).isFalse();
    } finally {
      com.marcnuri.helm.Helm.uninstall(release)
          .withNamespace(system.name())
          .withKubeConfig(kubeconfig(target))
          .call();
    }
    assertThat(admin.rbac().clusterRoles().withName(release).get()).isNull();
  }

  private static Release install(
      KubeTarget target, TestNamespace system, String release, String... sets) {
    var install =
        Chart.helm()
            .install()
            .withName(release)
            .withNamespace(system.name())
            .withKubeConfig(kubeconfig(target));
    for (int i = 0; i + 1 < sets.length; i += 2) {
      install.set(sets[i], sets[i + 1]);
    }
    return install.call();
  }

  private static Path kubeconfig(KubeTarget target) {
    return target.kubeconfig().orElseThrow();
  }

  private static boolean allowed(
      KubernetesClient admin,
      String user,
      String verb,
      String group,
      String resource,
      String namespace) {
    String[] parts = resource.split("/", 2);
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups("system:serviceaccounts", "system:authenticated")
            .withNewResourceAttributes()
            .withVerb(verb)
            .withGroup(group)
            .withResource(parts[0])
            .withSubresource(parts.length > 1 ? parts[1] : null)
            .withNamespace(namespace)
            .endResourceAttributes()
            .endSpec()
            .build();
    return admin.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
  }

  private static List<PolicyRule> rules() throws IOException {
    try (InputStream in =
        HelmInstallIT.class.getResourceAsStream("/io/kubecdc/operator/rbac-rules.yaml")) {
      return List.of(Chart.YAML.unmarshal(in, PolicyRule[].class));
    }
  }

  private static CdcPipeline pipeline(String namespace) {
    CdcPipeline p = new CdcPipeline();
    p.getMetadata().setName("orders");
    p.getMetadata().setNamespace(namespace);
    CdcPipelineSpec spec = new CdcPipelineSpec();
    SourceSelection source = new SourceSelection();
    source.setName("shop");
    TableSpec table = new TableSpec();
    table.setName("public.orders");
    source.setTables(List.of(table));
    spec.setSource(source);
    ClickHouseTarget ch = new ClickHouseTarget();
    ch.setDatabase("analytics");
    spec.setClickhouse(ch);
    p.setSpec(spec);
    return p;
  }

  private static Condition awaitReady(KubernetesClient admin, String namespace) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              CdcPipeline p =
                  admin
                      .resources(CdcPipeline.class)
                      .inNamespace(namespace)
                      .withName("orders")
                      .get();
              return p == null || p.getStatus() == null
                  ? null
                  : p.getStatus().getConditions().stream()
                      .filter(c -> "Ready".equals(c.getType()))
                      .findFirst()
                      .orElse(null);
            },
            c -> c != null);
  }
}
