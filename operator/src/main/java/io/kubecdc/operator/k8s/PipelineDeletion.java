package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.kubecdc.api.crd.v1alpha1.CdcEnvironment;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.operator.cleanup.Leftover;
import io.kubecdc.operator.core.PipelineCore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finalizer's work: stop the workers, then let the core remove the outside state. What cannot
 * be removed keeps the finalizer, shows in status (phase Deleting, Ready=False LeftoversRemain)
 * with how to remove it, and is retried with a growing delay; after the grace period, or at once
 * with the annotation {@value #FORCE_DELETE}{@code ="true"}, the finalizer is released with a
 * Warning Event that lists what is left, so that a deletion never hangs silently.
 */
final class PipelineDeletion {
  static final String FORCE_DELETE = "kubecdc.io/force-delete";
  private static final Logger log = LoggerFactory.getLogger(PipelineDeletion.class);
  private static final Duration MIN_RETRY = Duration.ofSeconds(5);
  private static final Duration MAX_RETRY = Duration.ofMinutes(2);

  private final KubernetesClient client;
  private final PipelineCore core;
  private final PipelineRequests requests;
  private final EventRecorder events;
  private final SinkRemoval sink;
  private final Duration grace;

  PipelineDeletion(KubernetesClient client, PipelineCore core, Duration grace, Duration sinkWait) {
    this.client = client;
    this.core = core;
    this.requests = new PipelineRequests(client);
    this.events = new EventRecorder(client);
    this.sink = new SinkRemoval(client, sinkWait);
    this.grace = grace;
  }

  DeleteControl delete(CdcPipeline pipeline, Optional<CdcEnvironment> env) {
    List<Leftover> leftovers = new ArrayList<>();
    if (!sink.remove(pipeline)) {
      leftovers.add(
          new Leftover(
              "sink-worker Deployment " + SinkMetadata.name(pipeline),
              "its pods are still terminating",
              "wait, or kubectl delete deployment " + SinkMetadata.name(pipeline) + " --force"));
    } else {
      leftovers.addAll(teardown(pipeline, env));
    }
    var meta = pipeline.getMetadata();
    if (leftovers.isEmpty()) {
      log.info("event=deleted pipeline={}/{}", meta.getNamespace(), meta.getName());
      return DeleteControl.defaultDelete();
    }
    String list = leftovers.stream().map(Leftover::toString).collect(Collectors.joining("; "));
    Duration elapsed = elapsed(pipeline);
    boolean forced = "true".equals(annotation(pipeline));
    if (forced || elapsed.compareTo(grace) >= 0) {
      events.record(
          pipeline,
          EventRecorder.WARNING,
          "FinalizerReleased",
          (forced ? FORCE_DELETE + " is set" : "grace period " + grace + " is over")
              + "; left behind, remove by hand: "
              + list);
      return DeleteControl.defaultDelete();
    }
    report(pipeline, list);
    Duration retry = clamp(elapsed.dividedBy(4));
    log.warn(
        "event=deletion_blocked pipeline={}/{} leftovers={} retry={}",
        meta.getNamespace(),
        meta.getName(),
        leftovers.size(),
        retry);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(retry.toMillis());
  }

  private List<Leftover> teardown(CdcPipeline pipeline, Optional<CdcEnvironment> env) {
    try {
      var deletion = requests.forDeletion(pipeline, env);
      List<Leftover> left = new ArrayList<>(core.teardown(deletion.request()).leftovers());
      if (!left.isEmpty() && deletion.missingSecret().isPresent()) {
        left.add(
            0,
            new Leftover(
                "credentials", deletion.missingSecret().get().getMessage(), "restore the Secret"));
      }
      return left;
    } catch (Unresolved unresolved) {
      return OrphanedState.of(pipeline, unresolved.getMessage());
    }
  }

  private void report(CdcPipeline pipeline, String list) {
    String message =
        "deletion is waiting for: "
            + list
            + ". Set the annotation "
            + FORCE_DELETE
            + "=\"true\" to release the finalizer at once; it is released after "
            + grace;
    CdcPipelineStatus status = DeletingStatus.of(pipeline, message);
    if (pipeline.getStatus() != null && StatusMapper.same(pipeline.getStatus(), status)) {
      return;
    }
    events.record(pipeline, EventRecorder.WARNING, DeletingStatus.REASON, message);
    // a JSON patch from the current object (what edit sends): merge patches of lists differ
    // between API servers and the mock server, this does not
    client
        .resources(CdcPipeline.class)
        .inNamespace(pipeline.getMetadata().getNamespace())
        .withName(pipeline.getMetadata().getName())
        .editStatus(
            current -> {
              current.setStatus(status);
              return current;
            });
  }

  private static String annotation(CdcPipeline pipeline) {
    var annotations = pipeline.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(FORCE_DELETE);
  }

  private static Duration elapsed(CdcPipeline pipeline) {
    String ts = pipeline.getMetadata().getDeletionTimestamp();
    return ts == null ? Duration.ZERO : Duration.between(Instant.parse(ts), Instant.now());
  }

  private static Duration clamp(Duration d) {
    return d.compareTo(MIN_RETRY) < 0 ? MIN_RETRY : d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }
}
