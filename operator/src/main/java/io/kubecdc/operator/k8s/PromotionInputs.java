package io.kubecdc.operator.k8s;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.PromotionPolicy;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.promotion.PromotionDecision;
import io.kubecdc.operator.promotion.RevisionRecord;
import io.kubecdc.operator.promotion.Upstream;
import java.time.Instant;
import java.util.Optional;

/**
 * Feeds {@link PromotionDecision} from what the operator has: the environment's gate, the
 * pipeline's {@code status.applied}, and the upstream pipelines from the operator's informer cache
 * ({@link UpstreamWatch}), so that checking a gate costs no API call and needs no permission beyond
 * the list and watch it already has. An upstream namespace the operator does not watch is reported
 * as such. A pipeline reconciled by an operator before {@code status.applied} existed, whose {@code
 * status.revision} is the spec's, counts as applied, so that adding a gate to an environment does
 * not stop what runs.
 */
final class PromotionInputs {
  private final OperatorConfig config;

  PromotionInputs(OperatorConfig config) {
    this.config = config;
  }

  PromotionDecision decide(
      CdcPipeline pipeline,
      Optional<CdcEnvironment> env,
      Context<CdcPipeline> context,
      Instant now) {
    PromotionPolicy policy = env.map(e -> e.getSpec()).map(s -> s.getPromotion()).orElse(null);
    var status = pipeline.getStatus();
    var applied = status == null ? null : status.getApplied();
    String name = pipeline.getMetadata().getName();
    return PromotionDecision.decide(
        name,
        pipeline.getSpec(),
        applied == null ? legacy(pipeline) : applied,
        policy,
        ns -> upstream(context, ns, name),
        now,
        pipeline.getMetadata().getGeneration() == null
            ? 0
            : pipeline.getMetadata().getGeneration());
  }

  /**
   * A pipeline that ran before status.applied existed: its status.revision is what runs. Not one
   * whose first deployment this operator holds (it wrote the Promoted condition, and no applied).
   */
  private static AppliedRevision legacy(CdcPipeline pipeline) {
    var status = pipeline.getStatus();
    String revision = PipelineRevision.of(pipeline.getSpec());
    if (status == null
        || !revision.equals(status.getRevision())
        || status.getConditions() == null
        || status.getConditions().stream()
            .anyMatch(c -> PromotionDecision.CONDITION.equals(c.getType()))) {
      return null;
    }
    return RevisionRecord.next(
        null, pipeline.getSpec(), false, null, Optional.empty(), null, Instant.now());
  }

  private Upstream upstream(Context<CdcPipeline> context, String namespace, String name) {
    if (!config.allNamespaces() && !config.namespaces().contains(namespace)) {
      return Upstream.notVisible(namespace);
    }
    return UpstreamWatch.get(context, namespace, name)
        .map(p -> Upstream.of(namespace, p.getStatus()))
        .orElse(Upstream.missing(namespace));
  }
}
