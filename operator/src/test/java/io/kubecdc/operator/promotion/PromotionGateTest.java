package io.kubecdc.operator.promotion;

import static io.kubecdc.operator.promotion.Gates.NOW;
import static io.kubecdc.operator.promotion.Gates.requires;
import static io.kubecdc.operator.promotion.Gates.running;
import static io.kubecdc.operator.promotion.Gates.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.PromotionRequirement;
import io.kubecdc.api.revision.PipelineRevision;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionGateTest {
  private static final String REVISION = PipelineRevision.of(spec());
  private static final PromotionRequirement STAGING = requires("staging", "30m", 100, 0);

  private static GateResult gate(Map<String, Upstream> upstreams, PromotionRequirement... reqs) {
    return PromotionGate.evaluate("orders", REVISION, List.of(reqs), upstreams::get, NOW);
  }

  @Test
  void shouldHoldWhenTheSameRevisionWasReadyAndCaughtUpLongEnough() {
    GateResult r = gate(Map.of("staging", Upstream.of("staging", running(spec(), 31))), STAGING);

    assertThat(r.holds()).isTrue();
    assertThat(r.summary())
        .isEqualTo("staging/orders Ready and caught up for 31m, max lag 0, 0 dead letter(s)");
  }

  @Test
  void shouldSayHowLongToWaitAndWhenTheWaitEnds() {
    GateResult r = gate(Map.of("staging", Upstream.of("staging", running(spec(), 12))), STAGING);

    assertThat(r.holds()).isFalse();
    assertThat(r.summary())
        .isEqualTo("staging/orders Ready and caught up for 12m of 30m: wait 18m");
    assertThat(r.waitEnds()).contains(NOW.plusSeconds(18 * 60));
  }

  @Test
  void shouldRefuseWhenTheGateNamespaceHasNoSuchPipeline() {
    GateResult r = gate(Map.of("staging", Upstream.missing("staging")), STAGING);

    assertThat(r.summary())
        .isEqualTo("no CdcPipeline staging/orders: apply revision " + REVISION + " there first");
    assertThat(r.waitEnds()).isEmpty();
  }

  @Test
  void shouldNameANamespaceTheOperatorDoesNotWatch() {
    GateResult r = gate(Map.of("staging", Upstream.notVisible("staging")), STAGING);

    assertThat(r.summary()).startsWith("staging is not watched by the operator");
  }

  @Test
  void shouldRefuseWhenUpstreamRunsAnotherRevision() {
    CdcPipelineStatus other = running(Gates.changed(), 60);

    GateResult r = gate(Map.of("staging", Upstream.of("staging", other)), STAGING);

    assertThat(r.summary())
        .isEqualTo(
            "staging/orders runs revision "
                + other.getApplied().getRevision()
                + ", not "
                + REVISION);
  }

  @Test
  void shouldRefuseARevisionThatIsNotReadyOrNotCaughtUpUpstream() {
    CdcPipelineStatus notReady = running(spec(), 60);
    notReady.setApplied(RevisionRecord.next(null, spec(), false, 7L, Optional.empty(), 0L, NOW));
    CdcPipelineStatus behind = running(spec(), 60);
    behind.setApplied(
        RevisionRecord.next(null, spec(), true, 40L, Optional.empty(), 0L, NOW.minusSeconds(3600)));
    behind.setLag(40L);

    assertThat(gate(Map.of("staging", Upstream.of("staging", notReady)), STAGING).summary())
        .isEqualTo("staging/orders runs " + REVISION + " but is not Ready");
    assertThat(gate(Map.of("staging", Upstream.of("staging", behind)), STAGING).summary())
        .isEqualTo(
            "staging/orders Ready since 2026-12-01T11:00:00Z but not caught up yet (lag 40: the"
                + " sink-worker has not yet committed every event that was in the topics at"
                + " readySince)");
  }

  @Test
  void shouldRefuseWhenLagOrDeadLettersExceededTheGateSinceUpstreamCaughtUp() {
    CdcPipelineStatus s = running(spec(), 60);
    s.getApplied().setMaxLag(250L);
    s.setDeadLetters(7L);

    GateResult r = gate(Map.of("staging", Upstream.of("staging", s)), STAGING);

    assertThat(r.missing())
        .containsExactly(
            "staging/orders lag reached 250 since it caught up (maxLag 100)",
            "staging/orders dead-lettered 2 record(s) since Ready (deadLetters 0)");
    assertThat(r.waitEnds()).as("waiting does not help").isEmpty();
  }

  @Test
  void shouldRequireEveryNamespaceAndWaitForTheLast() {
    var upstreams =
        Map.of(
            "staging", Upstream.of("staging", running(spec(), 20)),
            "perf", Upstream.of("perf", running(spec(), 5)));

    GateResult r = gate(upstreams, STAGING, requires("perf", "1h", 100, 0));

    assertThat(r.missing()).hasSize(2);
    assertThat(r.waitEnds()).contains(NOW.plusSeconds(55 * 60));
  }
}
