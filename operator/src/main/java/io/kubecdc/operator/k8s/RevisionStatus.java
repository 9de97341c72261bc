package io.kubecdc.operator.k8s;

import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.promotion.PromotionDecision;
import io.kubecdc.operator.promotion.RevisionRecord;
import io.kubecdc.operator.promotion.SourceDrift;
import io.kubecdc.operator.status.ConditionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The promotion side of a pipeline's status: {@code status.applied} (what runs, since when Ready
 * and caught up), the dead-letter count, and the {@code Promoted} and {@code SourceInSync}
 * conditions next to the parts' ones, with transition times kept as the aggregator keeps them.
 */
final class RevisionStatus {
  private RevisionStatus() {}

  static void fill(
      CdcPipelineStatus status,
      CdcPipelineStatus before,
      PromotionDecision promotion,
      CdcPipelineSpec running,
      Optional<CoreResult> result,
      List<ConditionRecord> previous,
      CdcPipeline pipeline,
      Instant now) {
    Long deadLetters =
        result
            .flatMap(
                r ->
                    r.deadLetters().isPresent()
                        ? Optional.of(r.deadLetters().getAsLong())
                        : Optional.empty())
            .orElse(before == null ? null : before.getDeadLetters());
    status.setDeadLetters(deadLetters);
    // what the core was last called with runs; without a call (an input is missing) the record
    // keeps the last applied spec, and Ready being False ends its window
    AppliedRevision last = before == null ? null : before.getApplied();
    Optional<CdcPipelineSpec> ran =
        result.isPresent() ? Optional.of(running) : RevisionRecord.spec(last);
    boolean working =
        StatusMapper.ready(status)
            .map(c -> "True".equals(c.getStatus()) && !"Paused".equals(c.getReason()))
            .orElse(false);
    ran.ifPresent(
        spec -> {
          AppliedRevision next =
              RevisionRecord.next(
                  last,
                  spec,
                  working,
                  status.getLag(),
                  result.flatMap(CoreResult::positions),
                  deadLetters,
                  now);
          promotion.passed().ifPresent(next::setGate);
          status.setApplied(next);
        });
    Map<String, ConditionRecord> earlier =
        previous.stream()
            .collect(Collectors.toMap(ConditionRecord::type, Function.identity(), (a, b) -> b));
    long generation = status.getObservedGeneration();
    List<ConditionRecord> extra = new ArrayList<>();
    promotion.condition().ifPresent(extra::add);
    var annotations = pipeline.getMetadata().getAnnotations();
    SourceDrift.condition(
            annotations == null ? null : annotations.get(SourceDrift.ANNOTATION),
            PipelineRevision.of(pipeline.getSpec()),
            now,
            generation)
        .ifPresent(extra::add);
    var conditions = new ArrayList<>(status.getConditions());
    extra.forEach(c -> conditions.add(StatusMapper.condition(c.since(earlier.get(c.type())))));
    status.setConditions(conditions);
  }

  /** The recheck, brought forward to just after the gate's wait ends when only time is missing. */
  static Duration sooner(Duration recheck, PromotionDecision promotion, Instant now) {
    return promotion
        .waitEnds()
        .map(t -> Duration.between(now, t).plusSeconds(1))
        .map(d -> d.isNegative() ? Duration.ofSeconds(1) : d)
        .filter(d -> d.compareTo(recheck) < 0)
        .orElse(recheck);
  }
}
