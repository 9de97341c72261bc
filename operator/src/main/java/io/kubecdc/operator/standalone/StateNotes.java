package io.kubecdc.operator.standalone;

import io.fabric8.kubernetes.api.model.Condition;
import io.kubecdc.api.crd.v1alpha1.CdcPipeline;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.operator.status.ConditionRecord;
import io.kubecdc.operator.status.StatusAggregator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code kubecdc status --state-dir} prints under the table for each pipeline of a standalone
 * run, since a laptop has no {@code kubectl describe}: the conditions when Ready is not True with
 * Streaming or Paused (for example {@code IncompatibleSchemaChange} on TablesReady, which the table
 * shows as {@code True/Degraded} only), the checkpoint generations' history (state, when each went
 * live and was retired, where its rows came from, whether its tables are gone) and an edit of the
 * files that was not applied. Pure, so that what a user reads is unit-tested.
 */
public final class StateNotes {
  /** Ready's reasons that need no explanation under the table. */
  private static final Set<String> QUIET = Set.of("Streaming", "Paused");

  private StateNotes() {}

  /** The lines for one status file, none when there is nothing to add to the table. */
  public static List<String> of(StatusFile.Snapshot s) {
    CdcPipeline p = s.pipeline();
    String id = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    List<String> out = new ArrayList<>();
    List<Condition> conditions = p.getStatus() == null ? List.of() : p.getStatus().getConditions();
    boolean quiet =
        conditions.stream()
            .anyMatch(
                c ->
                    c.getType().equals(StatusAggregator.READY)
                        && c.getStatus().equals(ConditionRecord.TRUE)
                        && QUIET.contains(c.getReason()));
    if (!conditions.isEmpty() && !quiet) {
      out.add(id + " conditions:");
      conditions.stream()
          .filter(c -> !c.getType().equals(StatusAggregator.READY))
          .forEach(
              c ->
                  out.add(
                      String.format(
                          "  %-15s %-7s %-22s %s",
                          c.getType(), c.getStatus(), c.getReason(), c.getMessage())));
    }
    List<GenerationStatus> generations =
        p.getStatus() == null ? List.of() : p.getStatus().getGenerations();
    if (generations.size() > 1) {
      out.add(id + " generations:");
      generations.forEach(g -> out.add("  " + generation(g)));
    }
    if (s.notApplied() != null) {
      out.add(id + " edit NOT applied, running the previous spec: " + s.notApplied());
    }
    return out;
  }

  /** {@code v2 Live rows 1400 from Topics, started …, live …: switched in: caught up …}. */
  static String generation(GenerationStatus g) {
    StringBuilder b = new StringBuilder("v" + g.getVersion() + " " + g.getState());
    if (g.getRows() != null) {
      b.append(" rows ").append(g.getRows());
    }
    if (g.getSource() != null) {
      b.append(" from ").append(g.getSource());
    }
    append(b, "started", g.getStartedAt());
    append(b, "live", g.getLiveAt());
    append(b, "retired", g.getRetiredAt());
    if (Boolean.TRUE.equals(g.getTablesDropped())) {
      b.append(", tables dropped");
    }
    if (g.getMessage() != null) {
      b.append(": ").append(g.getMessage());
    }
    return b.toString();
  }

  private static void append(StringBuilder b, String what, String at) {
    if (at != null) {
      b.append(", ").append(what).append(' ').append(at);
    }
  }
}
