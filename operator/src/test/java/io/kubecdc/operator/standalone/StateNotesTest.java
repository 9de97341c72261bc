package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.operator.core.Requests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code kubecdc status --state-dir} prints under the table. */
class StateNotesTest {
  private final CdcPipeline pipeline = Requests.pipeline();

  private StatusFile.Snapshot snapshot(String notApplied, List<Condition> conditions) {
    CdcPipelineStatus status = new CdcPipelineStatus();
    status.setConditions(conditions);
    pipeline.setStatus(status);
    return new StatusFile.Snapshot("2026-12-01T10:00:00Z", notApplied, pipeline);
  }

  private static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .build();
  }

  @Test
  void shouldAddNothingForAStreamingPipelineOfOneGeneration() {
    var s =
        snapshot(
            null,
            List.of(
                condition("TablesReady", "True", "TablesReady", "3 table(s)"),
                condition("Ready", "True", "Streaming", "every part is ready")));
    assertThat(StateNotes.of(s)).isEmpty();
  }

  @Test
  void shouldListTheConditionsWhenDegradedAndTheGenerationsAndARejectedEdit() {
    var s =
        snapshot(
            "pipeline.yaml (document 1), CdcPipeline prod/orders: spec.checkpoint.version: no",
            List.of(
                condition("TablesReady", "True", "IncompatibleSchemaChange", "orders.note gone"),
                condition("Ready", "True", "Degraded", "TablesReady: orders.note gone")));
    GenerationStatus v1 = new GenerationStatus();
    v1.setVersion(1);
    v1.setState(GenerationState.Retired);
    v1.setRows(20L);
    v1.setStartedAt("t0");
    v1.setLiveAt("t0");
    v1.setRetiredAt("t2");
    v1.setTablesDropped(true);
    v1.setMessage("replaced by generation 2");
    GenerationStatus v2 = new GenerationStatus();
    v2.setVersion(2);
    v2.setState(GenerationState.Live);
    v2.setSource(RebuildSource.Topics);
    v2.setStartedAt("t1");
    v2.setLiveAt("t2");
    s.pipeline().getStatus().setGenerations(List.of(v1, v2));

    assertThat(StateNotes.of(s))
        .containsExactly(
            "prod/orders conditions:",
            "  TablesReady     True    IncompatibleSchemaChange orders.note gone",
            "prod/orders generations:",
            "  v1 Retired rows 20, started t0, live t0, retired t2, tables dropped: replaced by"
                + " generation 2",
            "  v2 Live from Topics, started t1, live t2",
            "prod/orders edit NOT applied, running the previous spec: pipeline.yaml (document 1),"
                + " CdcPipeline prod/orders: spec.checkpoint.version: no");
  }
}
