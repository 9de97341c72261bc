package io.kubecdc.operator.promotion;

import static io.kubecdc.operator.promotion.Gates.NOW;
import static io.kubecdc.operator.promotion.Gates.policy;
import static io.kubecdc.operator.promotion.Gates.requires;
import static io.kubecdc.operator.promotion.Gates.running;
import static io.kubecdc.operator.promotion.Gates.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.status.ConditionRecord;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionDecisionTest {
  private static final PromotionPolicy GATE = policy(requires("staging", "30m", 100, 0));

  private static PromotionDecision decide(
      CdcPipelineSpec desired, AppliedRevision applied, CdcPipelineStatus staging) {
    return PromotionDecision.decide(
        "orders",
        desired,
        applied,
        GATE,
        ns -> staging == null ? Upstream.missing(ns) : Upstream.of(ns, staging),
        NOW,
        4);
  }

  @Test
  void shouldApplyEverythingAtOnceWithoutAGate() {
    var d = PromotionDecision.decide("orders", spec(), null, null, ns -> null, NOW, 1);

    assertThat(d.run()).isPresent();
    assertThat(d.condition()).isEmpty();
  }

  @Test
  void shouldHoldAFirstDeploymentUntilTheGateHolds() {
    var d = decide(spec(), null, running(spec(), 10));

    assertThat(d.run()).isEmpty();
    ConditionRecord c = d.condition().orElseThrow();
    assertThat(c.status()).isEqualTo("False");
    assertThat(c.reason()).isEqualTo("PromotionGated");
    assertThat(c.message())
        .isEqualTo(
            "revision "
                + PipelineRevision.of(spec())
                + " waits for the promotion gate (first deployment, nothing runs yet):"
                + " staging/orders Ready and caught up for 10m of 30m: wait 20m");
    assertThat(d.waitEnds()).contains(NOW.plusSeconds(20 * 60));
  }

  @Test
  void shouldKeepRunningTheAppliedSpecWhileANewRevisionIsGated() {
    AppliedRevision old = running(spec(), 100).getApplied();
    CdcPipelineSpec next = Gates.changed();
    next.setPaused(true);

    var d = decide(next, old, null);

    assertThat(d.run().map(PipelineRevision::of)).contains(old.getRevision());
    assertThat(d.run().orElseThrow().isPaused()).as("pausing is not gated").isTrue();
    assertThat(d.condition().orElseThrow().message())
        .contains("(revision " + old.getRevision() + " keeps running)")
        .endsWith(
            "no CdcPipeline staging/orders: apply revision "
                + PipelineRevision.of(next)
                + " there first");
    assertThat(d.waitEnds()).isEmpty();
  }

  @Test
  void shouldApplyTheNewRevisionOnceProvenUpstream() {
    AppliedRevision old = running(spec(), 100).getApplied();
    CdcPipelineSpec next = Gates.changed();

    var d = decide(next, old, running(next, 30));

    assertThat(d.run().map(PipelineRevision::of)).contains(PipelineRevision.of(next));
    assertThat(d.condition().orElseThrow().status()).isEqualTo("True");
    assertThat(d.condition().orElseThrow().reason()).isEqualTo("Promoted");
  }

  @Test
  void shouldKeepAnAppliedRevisionWhenItRegressesUpstream() {
    AppliedRevision applied = running(spec(), 100).getApplied();
    CdcPipelineStatus regressed = running(spec(), 100);
    regressed.setApplied(RevisionRecord.next(null, spec(), false, 0L, Optional.empty(), 0L, NOW));

    var d = decide(spec(), applied, regressed);

    assertThat(d.run().map(PipelineRevision::of)).contains(applied.getRevision());
    assertThat(d.condition().orElseThrow().reason()).isEqualTo("Promoted");
  }
}
