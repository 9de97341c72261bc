package io.kubecdc.operator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.Phase;
import io.kubecdc.operator.status.ConditionRecord;
import io.kubecdc.operator.status.StatusAggregator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of a pipeline whose deletion waits for leftovers: the last status with phase {@code
 * Deleting} and Ready=False {@code LeftoversRemain} saying what is left and how to go on; the
 * transition time holds while the deletion keeps waiting, so an unchanged wait is not patched.
 */
final class DeletingStatus {
  static final String REASON = "LeftoversRemain";

  private DeletingStatus() {}

  static CdcPipelineStatus of(CdcPipeline pipeline, String message) {
    CdcPipelineStatus before = pipeline.getStatus();
    CdcPipelineStatus status = before == null ? new CdcPipelineStatus() : copy(before);
    status.setPhase(Phase.Deleting);
    List<ConditionRecord> conditions = new ArrayList<>(StatusMapper.records(before));
    Instant since =
        conditions.stream()
            .filter(c -> c.type().equals(StatusAggregator.READY))
            .filter(c -> c.status().equals(ConditionRecord.FALSE))
            .map(ConditionRecord::lastTransitionTime)
            .findFirst()
            .orElse(Instant.now());
    conditions.removeIf(c -> c.type().equals(StatusAggregator.READY));
    conditions.add(
        new ConditionRecord(
            StatusAggregator.READY,
            ConditionRecord.FALSE,
            REASON,
            message,
            since,
            pipeline.getMetadata().getGeneration()));
    status.setConditions(conditions.stream().map(StatusMapper::condition).toList());
    return status;
  }

  private static CdcPipelineStatus copy(CdcPipelineStatus status) {
    var json = StatusMapper.JSON;
    return json.convertValue(json.convertValue(status, JsonNode.class), CdcPipelineStatus.class);
  }
}
