package io.kubecdc.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.crd.v1alpha1.PromotionRequirement;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.kubetest.KubeTarget;
import io.kubecdc.kubetest.KubeTargetTest;
import io.kubecdc.kubetest.TestNamespace;
import io.kubecdc.operator.promotion.SourceDrift;
import io.kubecdc.operator.standalone.ManifestLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The promotion gate in the operator (core double): prod's CdcEnvironment requires that the same
 * revision ran Ready and caught up in a staging namespace for 5 s. Rechecks are slow (60 s), so
 * that what happens within the waits below comes from the gate's own requeue and the watch on the
 * upstream pipeline, as a user would see it: nobody touches prod after applying.
 */
class PromotionIT {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String MORE_PARTITIONS = "{\"spec\":{\"topics\":{\"partitions\":3}}}";

  @RegisterExtension
  static final Operators operators =
      new Operators(Map.of(OperatorConfig.NOT_READY, "60s", OperatorConfig.RESYNC, "60s"));

  @KubeTargetTest
  void shouldApplyARevisionOnlyOnceProvenInStagingAlsoAcrossARestart(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    try (TestNamespace stagingNs = TestNamespace.create(target, "staging")) {
      String staging = stagingNs.name();
      try {
        gateAndRestart(k8s, target, namespace, stagingNs);
      } finally {
        Operators.forceDelete(k8s.client, staging);
      }
    }
  }

  private void gateAndRestart(
      DriverOnTarget k8s, KubeTarget target, TestNamespace namespace, TestNamespace stagingNs) {
    String prod = k8s.namespace();
    String staging = stagingNs.name();
    operators.on(target, stagingNs);
    k8s.core.lag.put(staging, 0L);
    String a = PipelineRevision.of(k8s.pipeline(prod).getSpec());

    // a first deployment, with no such pipeline in staging: nothing runs in prod
    gatedEnvironment(k8s, prod, staging);
    k8s.apply("pipeline", prod);
    Condition gated = awaitPromoted(k8s, prod, "PromotionGated");
    assertThat(gated.getMessage())
        .isEqualTo(
            "revision "
                + a
                + " waits for the promotion gate (first deployment, nothing runs yet): no"
                + " CdcPipeline "
                + staging
                + "/orders: apply revision "
                + a
                + " there first");
    assertThat(ready(k8s, prod).getReason()).isEqualTo("PromotionGated");
    assertThat(k8s.core.callsFor(prod)).isZero();
    assertThat(k8s.client.apps().deployments().inNamespace(prod).withName("orders-sink").get())
        .isNull();

    // staging runs it: prod waits for the window, then applies it by itself
    runIn(k8s, staging);
    Condition promoted = awaitPromoted(k8s, prod, "Promoted");
    assertThat(promoted.getMessage())
        .matches(
            "revision \\Q"
                + a
                + "\\E runs, applied at \\S+: "
                + staging
                + "/orders Ready and caught up for \\d+s, max lag 0, 0 dead letter\\(s\\)");
    assertThat(k8s.events(prod)).contains("Normal/Promoted", "Normal/PromotionGated");
    assertThat(k8s.get(staging, "orders").getStatus().getApplied().getCaughtUpAt()).isNotNull();
    k8s.deployment(prod, d -> true);
    assertThat(k8s.get(prod, "orders").getStatus().getApplied().getRevision()).isEqualTo(a);

    // a new revision in prod only: gated, the old spec keeps running
    k8s.patch(prod, MORE_PARTITIONS);
    String b = PipelineRevision.of(k8s.get(prod, "orders").getSpec());
    assertThat(awaitPromoted(k8s, prod, "PromotionGated").getMessage())
        .contains("revision " + b + " waits for the promotion gate (revision " + a + " keeps")
        .endsWith(staging + "/orders runs revision " + a + ", not " + b);
    CdcPipeline held = k8s.get(prod, "orders");
    assertThat(held.getStatus().getRevision()).isEqualTo(b);
    assertThat(held.getStatus().getApplied().getRevision()).isEqualTo(a);
    assertThat(partitions(k8s, prod)).isEqualTo(2);

    // the operator restarts in the middle: the new one runs the applied spec, still gated
    operators.stop(target);
    DriverOnTarget restarted = operators.on(target, namespace);
    operators.on(target, stagingNs);
    restarted.core.lag.put(staging, 0L);
    await().atMost(WAIT).until(() -> restarted.core.last(prod), Optional::isPresent);
    assertThat(partitions(restarted, prod)).isEqualTo(2);
    assertThat(promoted(restarted, prod).getReason()).isEqualTo("PromotionGated");

    // staging gets the same revision: prod follows once it is proven
    restarted.patch(staging, MORE_PARTITIONS);
    restarted.markReady(staging, 2);
    awaitPromoted(restarted, prod, "Promoted");
    assertThat(restarted.get(prod, "orders").getStatus().getApplied().getRevision()).isEqualTo(b);
    await().atMost(WAIT).until(() -> partitions(restarted, prod) == 3);
  }

  @KubeTargetTest
  void shouldKeepAPromotedRevisionWhenStagingRegressesAndHoldTheNext(
      KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String prod = k8s.namespace();
    try (TestNamespace stagingNs = TestNamespace.create(target, "staging")) {
      String staging = stagingNs.name();
      operators.on(target, stagingNs);
      try {
        k8s.core.lag.put(staging, 0L);
        runIn(k8s, staging);
        gatedEnvironment(k8s, prod, staging);
        k8s.apply("pipeline", prod);
        awaitPromoted(k8s, prod, "Promoted");
        String a = k8s.get(prod, "orders").getStatus().getApplied().getRevision();

        // staging stops proving anything (paused): prod keeps what it runs, at every reconcile
        k8s.patch(staging, "{\"spec\":{\"paused\":true}}");
        await()
            .atMost(WAIT)
            .until(
                () -> k8s.get(staging, "orders").getStatus().getApplied().getReadySince() == null);
        long calls = k8s.core.callsFor(prod);
        k8s.client
            .resources(CdcEnvironment.class)
            .inNamespace(prod)
            .withName("default")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"sink\":{\"resources\":{\"requests\":{\"cpu\":\"200m\"}}}}}");
        await().atMost(WAIT).until(() -> k8s.core.callsFor(prod) > calls);
        assertThat(promoted(k8s, prod).getReason()).isEqualTo("Promoted");
        assertThat(k8s.get(prod, "orders").getStatus().getApplied().getRevision()).isEqualTo(a);

        // the next revision reaches staging, which is not Ready with it: prod holds it
        k8s.patch(staging, MORE_PARTITIONS);
        k8s.patch(prod, MORE_PARTITIONS);
        String b = PipelineRevision.of(k8s.get(prod, "orders").getSpec());
        await()
            .atMost(WAIT)
            .until(
                () -> promoted(k8s, prod).getMessage(),
                m -> m.endsWith(staging + "/orders runs " + b + " but is not Ready"));
        assertThat(partitions(k8s, prod)).isEqualTo(2);
      } finally {
        Operators.forceDelete(k8s.client, staging);
      }
    }
  }

  /**
   * One manifest, one revision, whoever fills in its defaults: the standalone loader (the model's),
   * the real API server (the CRD's, stored with the object), the mock server (none, stored as
   * sent). The fixture leaves most defaults out and writes one ({@code environment: default}).
   */
  @KubeTargetTest
  void shouldGiveAManifestTheRevisionTheStandaloneLoaderGivesIt(
      KubeTarget target, TestNamespace namespace) throws Exception {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    Path manifest = Path.of(PromotionIT.class.getResource("/k8s/pipeline.yaml").toURI());
    String standalone =
        PipelineRevision.of(ManifestLoader.load(List.of(manifest)).pipelines().get(0).getSpec());
    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);
    k8s.apply("pipeline", ns);

    CdcPipeline reported = k8s.awaitPipeline(ns, p -> p.getStatus().getRevision() != null);

    assertThat(reported.getStatus().getRevision()).isEqualTo(standalone);
    assertThat(PipelineRevision.of(reported.getSpec())).isEqualTo(standalone);
    Map<?, ?> stored =
        (Map<?, ?>)
            k8s.client
                .genericKubernetesResources("kubecdc.io/v1alpha1", "CdcPipeline")
                .inNamespace(ns)
                .withName("orders")
                .get()
                .getAdditionalProperties()
                .get("spec");
    assertThat(stored.containsKey("checkpoint"))
        .as("the server filled in the checkpoint defaults")
        .isEqualTo(target.isRealServer());
  }

  @KubeTargetTest
  void shouldReportASpecChangedOutsideTheGitOpsSource(KubeTarget target, TestNamespace namespace) {
    DriverOnTarget k8s = operators.on(target, namespace);
    String ns = k8s.namespace();
    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);
    CdcPipeline fromGit = k8s.pipeline(ns);
    String a = PipelineRevision.of(fromGit.getSpec());
    fromGit.getMetadata().setAnnotations(Map.of(SourceDrift.ANNOTATION, a));
    k8s.client.resource(fromGit).create();
    await()
        .atMost(WAIT)
        .until(() -> condition(k8s.get(ns, "orders"), "SourceInSync"), c -> c != null);
    assertThat(condition(k8s.get(ns, "orders"), "SourceInSync").getReason())
        .isEqualTo("MatchesSource");

    k8s.patch(ns, MORE_PARTITIONS);

    String b = PipelineRevision.of(k8s.get(ns, "orders").getSpec());
    Condition drift =
        await()
            .atMost(WAIT)
            .until(
                () -> condition(k8s.get(ns, "orders"), "SourceInSync"),
                c -> "False".equals(c.getStatus()));
    assertThat(drift.getReason()).isEqualTo("DriftedFromSource");
    assertThat(drift.getMessage())
        .startsWith("spec is revision " + b + " but the GitOps source says " + a);
  }

  /** Topic partitions in the last spec the core was called with for {@code ns}. */
  private static int partitions(DriverOnTarget k8s, String ns) {
    return k8s.core.last(ns).orElseThrow().spec().getTopics().getPartitions();
  }

  /** Secrets, environment and the pipeline fixture in {@code ns}, its workers Ready. */
  private static void runIn(DriverOnTarget k8s, String ns) {
    k8s.apply("secrets", ns);
    k8s.apply("environment", ns);
    k8s.apply("pipeline", ns);
    k8s.deployment(ns, d -> true);
    k8s.markReady(ns, 2);
  }

  /** A gate on the same revision in {@code upstream}: Ready and caught up for {@code readyFor}. */
  static PromotionPolicy gateOn(String upstream, String readyFor, long maxLag) {
    PromotionRequirement req = new PromotionRequirement();
    req.setNamespace(upstream);
    req.setReadyFor(readyFor);
    req.setMaxLag(maxLag);
    PromotionPolicy policy = new PromotionPolicy();
    policy.setRequires(List.of(req));
    return policy;
  }

  private static void gatedEnvironment(DriverOnTarget k8s, String ns, String upstream) {
    try (InputStream in = PromotionIT.class.getResourceAsStream("/k8s/environment.yaml")) {
      CdcEnvironment env =
          k8s.client.getKubernetesSerialization().unmarshal(in, CdcEnvironment.class);
      env.getSpec().setPromotion(gateOn(upstream, "5s", 10));
      env.getMetadata().setNamespace(ns);
      k8s.client.resource(env).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    k8s.apply("secrets", ns);
  }

  private static Condition awaitPromoted(DriverOnTarget k8s, String ns, String reason) {
    return await()
        .atMost(WAIT)
        .until(() -> promoted(k8s, ns), c -> c != null && reason.equals(c.getReason()));
  }

  static Condition promoted(DriverOnTarget k8s, String ns) {
    return condition(k8s.get(ns, "orders"), "Promoted");
  }

  private static Condition ready(DriverOnTarget k8s, String ns) {
    return condition(k8s.get(ns, "orders"), "Ready");
  }

  static Condition condition(CdcPipeline p, String type) {
    if (p == null || p.getStatus() == null) {
      return null;
    }
    return p.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }
}
