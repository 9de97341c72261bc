package io.kubecdc.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChartTest {
  private static final Path MULTI = Chart.DIR.resolve("ci/multi-namespace-values.yaml");

  @Test
  void shouldLintCleanInStrictModeWithEveryValuesFile() {
    LintResult lint = Chart.helm().lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  void shouldWatchAllNamespacesWithOneClusterRoleByDefault() {
    Rendered r = Chart.template(Optional.empty());

    assertThat(r.kinds())
        .containsExactly(
            "ClusterRole", "ClusterRoleBinding", "Deployment", "Service", "ServiceAccount");
    assertThat(r.one("ClusterRole", ClusterRole.class).getRules()).isEqualTo(operatorRules());
    ClusterRoleBinding binding = r.one("ClusterRoleBinding", ClusterRoleBinding.class);
    assertThat(binding.getRoleRef().getName()).isEqualTo("kubecdc");
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo("kubecdc");
              assertThat(s.getNamespace()).isEqualTo("kubecdc-system");
            });
    assertThat(env(operator(r))).containsEntry("KUBECDC_WATCH_NAMESPACES", "");
  }

  @Test
  void shouldGrantARoleInEachWatchedNamespaceAndNothingClusterWide() {
    Rendered r = Chart.template(Optional.of(MULTI));

    assertThat(r.ofKind("ClusterRole")).isEmpty();
    assertThat(r.ofKind("ClusterRoleBinding")).isEmpty();
    List<Role> roles = r.all("Role", Role.class);
    assertThat(roles)
        .extracting(x -> x.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("dev", "staging", "prod");
    assertThat(roles).allSatisfy(x -> assertThat(x.getRules()).isEqualTo(operatorRules()));
    List<RoleBinding> bindings = r.all("RoleBinding", RoleBinding.class);
    assertThat(bindings)
        .extracting(x -> x.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("dev", "staging", "prod");
    assertThat(bindings)
        .allSatisfy(
            b -> {
              assertThat(b.getRoleRef().getKind()).isEqualTo("Role");
              assertThat(b.getSubjects())
                  .singleElement()
                  .satisfies(s -> assertThat(s.getNamespace()).isEqualTo("kubecdc-system"));
            });
    Map<String, String> env = env(operator(r));
    assertThat(env)
        .containsEntry("KUBECDC_WATCH_NAMESPACES", "dev,staging,prod")
        .containsEntry("KUBECDC_LOG_LEVEL", "DEBUG")
        .containsEntry("KUBECDC_SINK_IMAGE", "registry.example.com/kubecdc/sink-worker:0.1.0");
    GenericKubernetesResource pods = r.ofKind("PodMonitor").get(0);
    assertThat(pods.get("spec", "namespaceSelector", "matchNames").toString())
        .isEqualTo("[dev, staging, prod]");
  }

  @Test
  void shouldRunOneRestrictedOperatorWithProbesAndTheDefaultImages() {
    Deployment d = Chart.template(Optional.empty()).one("Deployment", Deployment.class);
    Container c = operator(d);

    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(c.getImage()).isEqualTo("kubecdc/operator:" + appVersion());
    assertThat(env(c)).containsEntry("KUBECDC_SINK_IMAGE", "kubecdc/sink-worker:" + appVersion());
    var pod = d.getSpec().getTemplate().getSpec();
    assertThat(pod.getServiceAccountName()).isEqualTo("kubecdc");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(c.getResources().getLimits()).containsKey("memory");
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey("checksum/rbac");
  }

  @Test
  void shouldAlertAndChartOnlyMetricsTheOperatorAndTheWorkersExport() throws IOException {
    Rendered r = Chart.template(Optional.of(MULTI));

    GenericKubernetesResource rules = r.ofKind("PrometheusRule").get(0);
    String exprs = Chart.YAML.asYaml(rules.get("spec"));
    ConfigMap dashboard = r.one("ConfigMap", ConfigMap.class);
    JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("kubecdc.json"));
    assertThat(json.path("panels").size()).isGreaterThanOrEqualTo(8);
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");

    List<String> used =
        java.util.regex.Pattern.compile("kubecdc_[a-z_]+")
            .matcher(exprs + json)
            .results()
            .map(m -> m.group().replaceAll("_(bucket|count|sum)$", ""))
            .distinct()
            .toList();
    assertThat(used)
        .contains(
            "kubecdc_pipeline_ready",
            "kubecdc_pipeline_table_lag_records",
            "kubecdc_pipeline_slot_retained_wal_bytes",
            "kubecdc_pipeline_freshness_seconds",
            "kubecdc_sink_freshness_seconds",
            "kubecdc_sink_dead_letters_total");
    String code = sources("operator") + sources("sink-worker");
    assertThat(used)
        .allSatisfy(
            m ->
                assertThat(
                        code.contains("\"" + m + "\"")
                            || code.contains("\"" + m.replaceAll("_total$", "") + "\""))
                    .as("metric %s is exported by the operator or the sink-worker", m)
                    .isTrue());
  }

  @Test
  void shouldRefuseValuesTheOperatorWouldRejectAtStart() {
    assertThatThrownBy(() -> Chart.template(Optional.empty(), "operator.watchNamespaces[0]", "Dev"))
        .hasMessageContaining("watchNamespaces");
    assertThatThrownBy(() -> Chart.template(Optional.empty(), "operator.resyncPeriod", "soon"))
        .hasMessageContaining("resyncPeriod");
    assertThatThrownBy(() -> Chart.template(Optional.empty(), "operator.logLevel", "LOUD"))
        .hasMessageContaining("logLevel");
  }

  @Test
  void shouldShipTheGeneratedCrdsUnchanged() throws IOException {
    try (var files = Files.list(Chart.ROOT.resolve("crds"))) {
      List<Path> crds = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
      assertThat(crds).hasSize(2);
      for (Path crd : crds) {
        assertThat(Chart.DIR.resolve("crds").resolve(crd.getFileName()))
            .as("helm/kubecdc/crds is a copy of crds/: cp crds/*.yml helm/kubecdc/crds/")
            .hasSameTextualContentAs(crd);
      }
    }
  }

  @Test
  void shouldNameTheImagesTheBuildMakes() throws IOException {
    String pom = Files.readString(Chart.ROOT.resolve("pom.xml"));
    String prefix = pomProperty(pom, "image.prefix");
    String tag = pomProperty(pom, "image.tag");
    Container c = operator(Chart.template(Optional.empty()));

    assertThat(appVersion()).isEqualTo(tag);
    assertThat(c.getImage()).isEqualTo(prefix + "/operator:" + tag);
    assertThat(env(c)).containsEntry("KUBECDC_SINK_IMAGE", prefix + "/sink-worker:" + tag);
    assertThat(io.kubecdc.operator.k8s.OperatorConfig.load(Map.of()).sinkImage())
        .isEqualTo(prefix + "/sink-worker:" + tag);
  }

  private static String pomProperty(String pom, String name) {
    var m = java.util.regex.Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(pom);
    assertThat(m.find()).as("property %s in the root pom", name).isTrue();
    return m.group(1).trim();
  }

  /** The rules the operator's own RBAC tests use (its class path resource). */
  private static List<PolicyRule> operatorRules() {
    try (InputStream in =
        ChartTest.class.getResourceAsStream("/io/kubecdc/operator/rbac-rules.yaml")) {
      return List.of(Chart.YAML.unmarshal(in, PolicyRule[].class));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Container operator(Rendered r) {
    return operator(r.one("Deployment", Deployment.class));
  }

  private static Container operator(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, String> env(Container c) {
    return c.getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e.getValue() == null ? "" : e.getValue()));
  }

  private static String appVersion() {
    try {
      return Files.readAllLines(Chart.DIR.resolve("Chart.yaml")).stream()
          .filter(l -> l.startsWith("appVersion:"))
          .map(l -> l.substring("appVersion:".length()).trim().replace("\"", ""))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sources(String module) throws IOException {
    try (var files = Files.walk(Chart.ROOT.resolve(module).resolve("src/main/java"))) {
      StringBuilder all = new StringBuilder();
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(p));
      }
      return all.toString();
    }
  }
}
