package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironmentSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.operator.core.WorkerConfig;
import io.kubecdc.operator.metrics.OperatorMetrics;
import io.kubecdc.operator.promotion.PromotionDecision;
import io.kubecdc.operator.status.ConditionRecord;
import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.operator.status.StatusAggregator;
import io.kubecdc.operator.status.StatusSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Kubernetes driver of the reconcile core: resolves a CdcPipeline's environment and Secrets,
 * calls {@link PipelineCore}, runs the sink-worker (ConfigMap, Deployment, Service) once the core
 * has rendered its config, adds the worker's state and writes the aggregated status. It holds no
 * logic of the external systems. The environment is watched, so that changing it re-reconciles the
 * pipelines that name it; Secrets are read on every reconcile, and every pipeline is rechecked on a
 * period (sooner while not Ready) instead of in a loop.
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "sink-config", type = SinkConfigMapDependent.class),
      @Dependent(
          name = "sink-deployment",
          type = SinkDeploymentDependent.class,
          dependsOn = "sink-config"),
      @Dependent(name = "sink-service", type = SinkServiceDependent.class)
    })
@ControllerConfiguration(name = CdcPipelineReconciler.NAME)
public class CdcPipelineReconciler implements Reconciler<CdcPipeline>, Cleaner<CdcPipeline> {
  public static final String NAME = "cdcpipeline";

  private final PipelineCore core;
  private final OperatorConfig config;
  private final OperatorMetrics metrics;
  private final PromotionInputs promotions;

  public CdcPipelineReconciler(PipelineCore core, OperatorConfig config) {
    this(core, config, new OperatorMetrics());
  }

  public CdcPipelineReconciler(PipelineCore core, OperatorConfig config, OperatorMetrics metrics) {
    this.core = core;
    this.config = config;
    this.metrics = metrics;
    this.promotions = new PromotionInputs(config);
  }

  @Override
  public List<EventSource<?, CdcPipeline>> prepareEventSources(
      EventSourceContext<CdcPipeline> context) {
    return List.of(EnvironmentWatch.of(context), UpstreamWatch.of(context));
  }

  @Override
  public UpdateControl<CdcPipeline> reconcile(CdcPipeline pipeline, Context<CdcPipeline> context) {
    Instant now = Instant.now();
    Optional<CdcEnvironment> env = context.getSecondaryResource(CdcEnvironment.class);
    CdcPipelineSpec desired = pipeline.getSpec();
    PromotionDecision promotion = promotions.decide(pipeline, env, context, now);
    Optional<CoreResult> result = Optional.empty();
    Observation observation;
    CdcPipelineSpec running = promotion.run().orElse(desired);
    // the core and the worker objects see the spec that is to run (the last applied one while a
    // newer revision is gated); the status keeps the pipeline's own spec
    pipeline.setSpec(running);
    try {
      if (promotion.run().isEmpty()) {
        observation = gated(promotion);
      } else {
        var request = new PipelineRequests(context.getClient()).forReconcile(pipeline, env);
        result = Optional.of(core.reconcile(request));
        observation = withSink(pipeline, context, result.get(), request.environment());
      }
    } catch (Unresolved unresolved) {
      observation = unresolved.asObservation();
    } finally {
      pipeline.setSpec(desired);
    }
    long generation = pipeline.getMetadata().getGeneration();
    CdcPipelineStatus before = pipeline.getStatus();
    List<ConditionRecord> previous = StatusMapper.records(before);
    StatusSummary summary =
        StatusAggregator.aggregate(
            observation.paused(running.isPaused()), previous, generation, now);
    CdcPipelineStatus status =
        StatusMapper.toStatus(summary, result, running.getSource().getTables().size(), generation);
    if (result.isEmpty() && before != null && before.getGenerations() != null) {
      status.setGenerations(before.getGenerations());
    }
    status.setRevision(PipelineRevision.of(desired));
    RevisionStatus.fill(status, before, promotion, running, result, previous, pipeline, now);
    EventRecorder events = new EventRecorder(context.getClient());
    events.onTransition(pipeline, before, status);
    events.onPromotion(pipeline, before, status);
    metrics.record(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName(), status);
    // a generation being built is checked as often as a pipeline that is not Ready, so that it
    // switches in soon after it caught up
    boolean building = result.map(CoreResult::building).orElse(false);
    Duration recheck =
        "True".equals(summary.ready().status()) && !building
            ? config.resyncPeriod()
            : config.notReadyRecheck();
    recheck = RevisionStatus.sooner(recheck, promotion, now);
    if (before != null && StatusMapper.same(before, status)) {
      return UpdateControl.<CdcPipeline>noUpdate().rescheduleAfter(recheck);
    }
    pipeline.setStatus(status);
    return UpdateControl.patchStatus(pipeline).rescheduleAfter(recheck);
  }

  /** A first deployment held by the gate: no part runs, each waits for the promotion. */
  private static Observation gated(PromotionDecision promotion) {
    String message = promotion.condition().map(ConditionRecord::message).orElse("");
    return Observation.of(
        java.util.Arrays.stream(Part.values())
            .map(p -> PartState.progressing(p, PromotionDecision.GATED, message))
            .toList());
  }

  @Override
  public DeleteControl cleanup(CdcPipeline pipeline, Context<CdcPipeline> context) {
    DeleteControl done =
        new PipelineDeletion(
                context.getClient(), core, config.deletionGracePeriod(), Duration.ofSeconds(20))
            .delete(pipeline, context.getSecondaryResource(CdcEnvironment.class));
    if (done.isRemoveFinalizer()) {
      metrics.forget(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName());
    }
    return done;
  }

  /** Runs the worker when the core rendered its config, and adds its state as the SINK part. */
  private Observation withSink(
      CdcPipeline pipeline,
      Context<CdcPipeline> context,
      CoreResult result,
      CdcEnvironmentSpec environment) {
    Observation observation = result.observation();
    if (result.workers().isEmpty()) {
      return observation;
    }
    SinkInputs inputs = new SinkInputs(result.workers(), environment, config.sinkImage());
    inputs.putInto(context);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    Map<String, Deployment> byName =
        context.getSecondaryResources(Deployment.class).stream()
            .collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d, (a, b) -> a));
    Map<Integer, Optional<Deployment>> deployments = new TreeMap<>();
    Map<Integer, String> hashes = new TreeMap<>();
    for (WorkerConfig w : result.workers()) {
      deployments.put(
          w.version(), Optional.ofNullable(byName.get(SinkMetadata.name(pipeline, w.version()))));
      hashes.put(w.version(), inputs.configHash(w));
    }
    PartState sink =
        SinkState.ofGenerations(
            deployments, SinkDeploymentDependent.desiredReplicas(pipeline.getSpec()), hashes);
    return observation.with(sink);
  }
}
