package io.kubecdc.operator.k8s;

import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.util.List;
import java.util.Set;

/**
 * A known reason why a pipeline cannot be handed to the core (its environment, source or a Secret
 * is missing): shown as a condition, never retried as an error; the next event or recheck tries
 * again. It names the parts it keeps from working, so that Ready blames the right one: a missing
 * ClickHouse Secret is the tables' problem, not the source's.
 */
public final class Unresolved extends Exception {
  private final String reason;
  private final Set<Part> parts;

  public Unresolved(String reason, String message, Set<Part> parts) {
    super(message, null, false, false);
    this.reason = reason;
    this.parts = Set.copyOf(parts);
  }

  public String reason() {
    return reason;
  }

  /** Each part it belongs to failed with this reason; the core was not called for the others. */
  public Observation asObservation() {
    List<PartState> states =
        parts.stream().map(p -> PartState.failed(p, reason, getMessage())).toList();
    return Observation.of(states);
  }
}
