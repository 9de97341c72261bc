package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.core.PipelineRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the driver finds what a pipeline names, on the mock API server. */
class ResolutionIT {
  @RegisterExtension
  static final Operators operators = new Operators(Map.of(OperatorConfig.NOT_READY, "1s"));

  @KubeTargetTest
  void shouldSayWhichEnvironmentIsMissingWithoutCallingTheCore(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("pipeline", ns);

    Condition ready = awaitReady(k8s, ns, "EnvironmentNotFound");

    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getMessage())
        .contains("CdcEnvironment " + ns + "/default not found")
        .contains("create a CdcEnvironment named 'default' in namespace " + ns);
    assertThat(k8s.get(ns, "orders").getStatus().getPhase()).isEqualTo(Phase.Failed);
    assertThat(k8s.core.callsFor(ns)).isZero();
  }

  @KubeTargetTest
  void shouldReconcileAgainWhenTheMissingEnvironmentAppears(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("pipeline", ns);
    awaitReady(k8s, ns, "EnvironmentNotFound");

    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);

    await().atMost(Duration.ofSeconds(20)).until(() -> k8s.core.callsFor(ns) > 0);
    PipelineRequest request =
        k8s.core.requests.stream().filter(r -> r.namespace().equals(ns)).findFirst().orElseThrow();
    var source = request.secrets().source();
    assertThat(source.user()).isEqualTo("cdc_user");
    assertThat(source.password()).isEqualTo("s3cr3t-source-Pw");
    assertThat(source.passwordReference()).isEqualTo("${secrets:" + ns + "/shop-cdc:password}");
    assertThat(source.userReference()).isEqualTo("${secrets:" + ns + "/shop-cdc:username}");
    var clickhouse = request.secrets().clickhouse();
    assertThat(clickhouse.password()).isEqualTo("s3cr3t-clickhouse-Pw");
    assertThat(clickhouse.passwordReference()).isEqualTo("${secrets:" + ns + "/ch-writer:pass}");
    assertThat(request.environment().getConnect().getUrl())
        .isEqualTo("http://connect.example.svc:8083");
  }

  @KubeTargetTest
  void shouldListTheDefinedSourcesWhenThePipelineNamesAnother(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);
    CdcPipeline pipeline = k8s.pipeline(ns);
    pipeline.getSpec().getSource().setName("billing");
    k8s.client.resource(pipeline).create();

    Condition ready = awaitReady(k8s, ns, "SourceNotDefined");

    assertThat(ready.getMessage())
        .contains("source 'billing' is not defined in CdcEnvironment " + ns + "/default")
        .contains("[shop]");
  }

  @KubeTargetTest
  void shouldNameTheSecretAndKeyThatAreMissingButNoValue(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("environment", ns);
    k8s.apply("pipeline", ns);

    Condition ready = awaitReady(k8s, ns, "SecretNotFound");
    assertThat(ready.getMessage()).contains("Secret " + ns + "/shop-cdc not found");

    k8s.apply("secrets", ns);
    var ch = k8s.client.secrets().inNamespace(ns).withName("ch-writer").get();
    // the mock server keeps stringData as sent, a real server turns it into data
    Optional.ofNullable(ch.getStringData()).ifPresent(d -> d.remove("pass"));
    Optional.ofNullable(ch.getData()).ifPresent(d -> d.remove("pass"));
    k8s.client.resource(ch).update();

    ready = awaitReady(k8s, ns, "SecretKeyMissing");
    assertThat(ready.getMessage())
        .isEqualTo("TablesReady: Secret " + ns + "/ch-writer has no key 'pass'");
    assertThat(ready.getMessage()).doesNotContain("s3cr3t");
  }

  @KubeTargetTest
  void shouldShowAMissingEnvironmentOnEveryPartWithoutBlamingOne(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("pipeline", ns);

    Condition ready = awaitReady(k8s, ns, "EnvironmentNotFound");

    assertThat(ready.getMessage()).startsWith("CdcEnvironment " + ns + "/default not found");
    assertThat(k8s.get(ns, "orders").getStatus().getConditions())
        .filteredOn(c -> !c.getType().equals("Ready"))
        .extracting(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .containsExactly(
            "SourceReady=False/EnvironmentNotFound",
            "TopicsReady=False/EnvironmentNotFound",
            "TablesReady=False/EnvironmentNotFound",
            "ConnectorReady=False/EnvironmentNotFound",
            "SinkReady=False/EnvironmentNotFound");
  }

  @KubeTargetTest
  void shouldBlameTheTablesForTheClickHouseSecretAndTheSourceForItsOwn(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("secrets", ns);
    k8s.client.secrets().inNamespace(ns).withName("ch-writer").delete();
    k8s.apply("environment", ns);
    k8s.apply("pipeline", ns);

    Condition ready = awaitReady(k8s, ns, "SecretNotFound");
    assertThat(ready.getMessage()).startsWith("TablesReady: Secret " + ns + "/ch-writer not found");
    assertThat(conditions(k8s, ns))
        .containsExactly(
            "SourceReady=Unknown/NotChecked",
            "TopicsReady=Unknown/NotChecked",
            "TablesReady=False/SecretNotFound",
            "ConnectorReady=Unknown/Blocked",
            "SinkReady=Unknown/Blocked",
            "Ready=False/SecretNotFound");

    try (TestNamespace second = TestNamespace.create(target, "other")) {
      String other = second.name();
      k8s.apply("secrets", other);
      k8s.client.secrets().inNamespace(other).withName("shop-cdc").delete();
      k8s.apply("environment", other);
      k8s.apply("pipeline", other);
      ready = awaitReady(k8s, other, "SecretNotFound");
      assertThat(ready.getMessage()).startsWith("SourceReady: Secret " + other + "/shop-cdc");
      assertThat(conditions(k8s, other)).contains("TablesReady=Unknown/Blocked");
      assertThat(k8s.core.callsFor(ns) + k8s.core.callsFor(other)).isZero();
    }
  }

  @KubeTargetTest
  void shouldLetJosdkRetryAnUnknownFailureOfTheCoreAndWriteNoStatusForIt(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.core.failing.add(ns);
    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);
    k8s.apply("pipeline", ns);

    await().atMost(Duration.ofSeconds(20)).until(() -> k8s.core.callsFor(ns) >= 2);
    // no status from the failing core; a first reconcile that ran before the operator's informer
    // saw the environment or the Secret may have written that one (and the core was not called)
    Optional.ofNullable(k8s.get(ns, "orders").getStatus())
        .flatMap(StatusMapper::ready)
        .ifPresent(c -> assertThat(c.getReason()).isIn("EnvironmentNotFound", "SecretNotFound"));

    k8s.core.failing.remove(ns);
    k8s.awaitPipeline(ns, p -> p.getStatus().getPhase() == Phase.Pending);
  }

  /** The conditions as {@code type=status/reason}. */
  static List<String> conditions(DriverOnTarget k8s, String ns) {
    return k8s.get(ns, "orders").getStatus().getConditions().stream()
        .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
        .toList();
  }

  static Condition awaitReady(DriverOnTarget k8s, String ns, String reason) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Optional.ofNullable(k8s.get(ns, "orders"))
                    .map(CdcPipeline::getStatus)
                    .flatMap(StatusMapper::ready)
                    .filter(c -> reason.equals(c.getReason()))
                    .orElse(null),
            c -> c != null);
  }
}
