package io.kubecdc.operator.promotion;

import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.status.ConditionRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which spec the core runs in this reconcile, and the {@code Promoted} condition that says why.
 * With no gate in the environment the spec is applied as it is (and no condition is shown). With a
 * gate, a revision already applied keeps running whatever happens upstream: the gate is checked
 * when a revision is to be applied, not afterwards, because undoing a CDC pipeline is a new
 * snapshot, not a rollback. A new revision is applied once the gate holds; until then the last
 * applied spec runs (with {@code paused} taken from the spec, since pausing is operational and not
 * part of the revision), and a first deployment runs nothing: the gate's point is that no revision
 * reaches this environment unproven, a new one included.
 *
 * @param run the spec to reconcile; empty: nothing runs yet (a gated first deployment)
 * @param condition {@code Promoted}, when the environment has a gate
 * @param waitEnds when only time is missing: the moment to check again
 * @param passed what the gate saw, when it lets a new revision in now (kept in status.applied.gate)
 */
public record PromotionDecision(
    Optional<CdcPipelineSpec> run,
    Optional<ConditionRecord> condition,
    Optional<Instant> waitEnds,
    Optional<String> passed) {
  public static final String CONDITION = "Promoted";
  public static final String GATED = "PromotionGated";

  public static PromotionDecision decide(
      String pipeline,
      CdcPipelineSpec desired,
      AppliedRevision applied,
      PromotionPolicy policy,
      Function<String, Upstream> upstream,
      Instant now,
      long generation) {
    if (policy == null || policy.getRequires() == null || policy.getRequires().isEmpty()) {
      return new PromotionDecision(
          Optional.of(desired), Optional.empty(), Optional.empty(), Optional.empty());
    }
    String revision = PipelineRevision.of(desired);
    if (RevisionRecord.records(applied, revision)) {
      return promoted(desired, revision, applied.getAppliedAt(), applied.getGate(), now, generation)
          .withPassed(Optional.empty());
    }
    GateResult gate =
        PromotionGate.evaluate(pipeline, revision, policy.getRequires(), upstream, now);
    if (gate.holds()) {
      String at = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
      return promoted(desired, revision, at, gate.summary(), now, generation)
          .withPassed(Optional.of(gate.summary()));
    }
    Optional<CdcPipelineSpec> old = RevisionRecord.spec(applied);
    old.ifPresent(o -> o.setPaused(desired.isPaused()));
    String runs =
        old.isPresent()
            ? "revision " + applied.getRevision() + " keeps running"
            : "first deployment, nothing runs yet";
    return new PromotionDecision(
        old,
        condition(
            ConditionRecord.FALSE,
            GATED,
            "revision "
                + revision
                + " waits for the promotion gate ("
                + runs
                + "): "
                + gate.summary(),
            now,
            generation),
        gate.waitEnds(),
        Optional.empty());
  }

  private static PromotionDecision promoted(
      CdcPipelineSpec desired,
      String revision,
      String appliedAt,
      String gate,
      Instant now,
      long generation) {
    String message =
        "revision "
            + revision
            + " runs, applied at "
            + appliedAt
            + (gate == null ? "" : ": " + gate);
    return new PromotionDecision(
        Optional.of(desired),
        condition(ConditionRecord.TRUE, "Promoted", message, now, generation),
        Optional.empty(),
        Optional.empty());
  }

  private PromotionDecision withPassed(Optional<String> gate) {
    return new PromotionDecision(run, condition, waitEnds, gate);
  }

  private static Optional<ConditionRecord> condition(
      String status, String reason, String message, Instant now, long generation) {
    return Optional.of(new ConditionRecord(CONDITION, status, reason, message, now, generation));
  }
}
