package io.kubecdc.operator.k8s;

import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.promotion.RevisionRecord;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CdcPipelines seen as the upstream of a promotion gate: when a pipeline changes (its status above
 * all: it became Ready, caught up, regressed), every pipeline of the same name in another namespace
 * whose spec is not the revision it runs (one a gate may hold) is reconciled, so that a gate that
 * starts to hold is applied at once and not at the next recheck. Judged by the spec, not by the
 * PromotionGated condition, which the cache may not hold yet when both change at once; a pipeline
 * that runs its own spec is left alone. The gate reads the upstream pipeline from this informer's
 * cache, the one that announced the change. The controller's own informer cannot map one pipeline's
 * event to another, hence this second one on the same resource (same list and watch permission).
 */
final class UpstreamWatch {
  static final String NAME = "upstream-pipelines";
  private static final String BY_NAME = "by-name";

  private UpstreamWatch() {}

  static InformerEventSource<CdcPipeline, CdcPipeline> of(EventSourceContext<CdcPipeline> context) {
    var pipelines = context.getPrimaryCache();
    pipelines.addIndexer(BY_NAME, p -> List.of(p.getMetadata().getName()));
    var config =
        InformerEventSourceConfiguration.from(CdcPipeline.class, CdcPipeline.class)
            .withName(NAME)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                (CdcPipeline upstream) ->
                    pipelines.byIndex(BY_NAME, upstream.getMetadata().getName()).stream()
                        .filter(
                            p ->
                                !p.getMetadata()
                                    .getNamespace()
                                    .equals(upstream.getMetadata().getNamespace()))
                        .filter(UpstreamWatch::waiting)
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return new InformerEventSource<>(config, context);
  }

  /** The pipeline {@code name} of {@code namespace} as this informer knows it. */
  @SuppressWarnings("unchecked")
  static Optional<CdcPipeline> get(Context<CdcPipeline> context, String namespace, String name) {
    var source =
        (InformerEventSource<CdcPipeline, CdcPipeline>)
            context.eventSourceRetriever().getEventSourceFor(CdcPipeline.class, NAME);
    return source.get(new ResourceID(name, namespace));
  }

  private static boolean waiting(CdcPipeline p) {
    var applied = p.getStatus() == null ? null : p.getStatus().getApplied();
    return !RevisionRecord.records(applied, PipelineRevision.of(p.getSpec()));
  }
}
