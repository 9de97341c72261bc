package io.kubecdc.operator.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.TablePhase;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.kafka.Freshness;
import io.kubecdc.operator.status.ConditionRecord;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.StatusSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the aggregated summary and the core's findings into the CdcPipeline status, and back into
 * {@link ConditionRecord}s for the next aggregation. Times are whole seconds, as the API server
 * stores them, so that an unchanged pipeline maps to an equal status and is not patched.
 */
public final class StatusMapper {
  static final KubernetesSerialization JSON = new KubernetesSerialization();

  private StatusMapper() {}

  public static CdcPipelineStatus toStatus(
      StatusSummary summary, Optional<CoreResult> core, int declaredTables, long generation) {
    CdcPipelineStatus status = new CdcPipelineStatus();
    status.setObservedGeneration(generation);
    status.setPhase(summary.phase());
    status.setConditions(summary.conditions().stream().map(StatusMapper::condition).toList());
    List<TableStatus> tables = core.map(CoreResult::tables).orElse(List.of());
    status.setTables(tables);
    boolean tablesReady =
        summary.conditions().stream()
            .anyMatch(
                c ->
                    c.type().equals(Part.TABLES.conditionType())
                        && c.status().equals(ConditionRecord.TRUE));
    long streaming =
        tablesReady
            ? tables.stream()
                .filter(t -> t.getTopic() != null && t.getClickhouseTable() != null)
                .filter(t -> t.getPhase() == null || t.getPhase() == TablePhase.Streaming)
                .count()
            : 0;
    status.setTablesReady(streaming + "/" + declaredTables);
    status.setLag(
        tables.stream()
            .map(TableStatus::getLag)
            .filter(Objects::nonNull)
            .reduce(Long::sum)
            .orElse(null));
    status.setFreshnessSeconds(
        Freshness.stalest(tables.stream().map(TableStatus::getFreshnessSeconds).toList()));
    status.setConnector(core.flatMap(CoreResult::connector).orElse(null));
    status.setSlot(core.flatMap(CoreResult::slot).orElse(null));
    status.setGenerations(core.map(CoreResult::generations).orElse(List.of()));
    return status;
  }

  static Condition condition(ConditionRecord r) {
    return new ConditionBuilder()
        .withType(r.type())
        .withStatus(r.status())
        .withReason(r.reason())
        .withMessage(r.message())
        .withLastTransitionTime(r.lastTransitionTime().truncatedTo(ChronoUnit.SECONDS).toString())
        .withObservedGeneration(r.observedGeneration())
        .build();
  }

  static List<ConditionRecord> records(CdcPipelineStatus status) {
    if (status == null || status.getConditions() == null) {
      return List.of();
    }
    return status.getConditions().stream()
        .filter(c -> c.getType() != null && c.getStatus() != null)
        .map(
            c ->
                new ConditionRecord(
                    c.getType(),
                    c.getStatus(),
                    c.getReason(),
                    c.getMessage(),
                    instant(c.getLastTransitionTime()),
                    c.getObservedGeneration() == null ? 0 : c.getObservedGeneration()))
        .toList();
  }

  /** The Ready condition of a status, if any. */
  static Optional<Condition> ready(CdcPipelineStatus status) {
    return status == null || status.getConditions() == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  /** Equal as JSON: the model classes have no equals, and JSON is what the server compares. */
  static boolean same(CdcPipelineStatus a, CdcPipelineStatus b) {
    return JSON.convertValue(a, JsonNode.class).equals(JSON.convertValue(b, JsonNode.class));
  }

  private static Instant instant(String text) {
    try {
      return text == null ? Instant.EPOCH : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
