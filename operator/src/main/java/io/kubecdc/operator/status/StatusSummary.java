package io.kubecdc.operator.status;

import io.kubecdc.api.crd.v1alpha1.Phase;
import java.util.List;

/** The phase and the conditions (one per part, then Ready) that a status should show. */
public record StatusSummary(Phase phase, List<ConditionRecord> conditions) {
  public StatusSummary {
    conditions = List.copyOf(conditions);
  }

  /** The Ready condition, always the last one. */
  public ConditionRecord ready() {
    return conditions.get(conditions.size() - 1);
  }
}
