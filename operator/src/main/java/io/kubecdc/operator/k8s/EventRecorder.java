package io.kubecdc.operator.k8s;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.operator.promotion.PromotionDecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on a pipeline, so that {@code kubectl describe} tells its history. One Event
 * per transition of Ready (its status or its reason: a user who fixed one cause learns of the next
 * one) or of the phase, none while nothing changes, so that an idle pipeline adds nothing to etcd.
 * Events are best effort: a refused Event is logged, never a reconcile failure.
 */
final class EventRecorder {
  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";
  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "kubecdc-operator";
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;

  EventRecorder(KubernetesClient client) {
    this.client = client;
  }

  /** Records an Event when Ready's status or reason, or the phase, differs between the two. */
  void onTransition(CdcPipeline pipeline, CdcPipelineStatus before, CdcPipelineStatus after) {
    Optional<Condition> was = StatusMapper.ready(before);
    Optional<Condition> now = StatusMapper.ready(after);
    boolean readyChanged =
        !Objects.equals(was.map(Condition::getStatus), now.map(Condition::getStatus))
            || !Objects.equals(was.map(Condition::getReason), now.map(Condition::getReason));
    boolean phaseChanged = before == null || before.getPhase() != after.getPhase();
    if ((!readyChanged && !phaseChanged) || now.isEmpty()) {
      return;
    }
    Condition ready = now.get();
    String type = "True".equals(ready.getStatus()) ? NORMAL : WARNING;
    String phase = before == null || before.getPhase() == null ? "" : before.getPhase() + " -> ";
    record(
        pipeline,
        type,
        ready.getReason(),
        "phase "
            + phase
            + after.getPhase()
            + ", Ready="
            + ready.getStatus()
            + ": "
            + ready.getMessage());
  }

  /**
   * Records an Event when the {@code Promoted} condition's reason changes: a revision held by the
   * promotion gate, or let in, with the gate's message (what is missing, or what it saw).
   */
  void onPromotion(CdcPipeline pipeline, CdcPipelineStatus before, CdcPipelineStatus after) {
    Optional<Condition> was = condition(before, PromotionDecision.CONDITION);
    Optional<Condition> now = condition(after, PromotionDecision.CONDITION);
    if (now.isPresent()
        && !Objects.equals(was.map(Condition::getReason), now.map(Condition::getReason))) {
      record(pipeline, NORMAL, now.get().getReason(), now.get().getMessage());
    }
  }

  private static Optional<Condition> condition(CdcPipelineStatus status, String type) {
    return status == null || status.getConditions() == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Records one Event; {@code reason} is CamelCase, {@code message} is for people. */
  void record(CdcPipeline pipeline, String type, String reason, String message) {
    var meta = pipeline.getMetadata();
    String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withGenerateName(meta.getName() + ".")
            .withNamespace(meta.getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(pipeline.getApiVersion())
                    .withKind(pipeline.getKind())
                    .withName(meta.getName())
                    .withNamespace(meta.getNamespace())
                    .withUid(meta.getUid())
                    .withResourceVersion(meta.getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(
                message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE))
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
      log.info(
          "event=k8s_event pipeline={}/{} type={} reason={}",
          meta.getNamespace(),
          meta.getName(),
          type,
          reason);
    } catch (KubernetesClientException e) {
      log.warn(
          "event=k8s_event_refused pipeline={}/{} reason={} code={} error={}",
          meta.getNamespace(),
          meta.getName(),
          reason,
          e.getCode(),
          e.getMessage());
    }
  }
}
