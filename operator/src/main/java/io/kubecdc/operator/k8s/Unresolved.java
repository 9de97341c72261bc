package io.kubecdc.operator.k8s;

import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;

/**
 * A known reason why a pipeline cannot be handed to the core (its environment, source or a Secret
 * is missing): shown as a condition, never retried as an error; the next event or recheck tries
 * again.
 */
public final class Unresolved extends Exception {
  private final String reason;

  public Unresolved(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  /**
   * As the SOURCE part's failure: the core was not called, so every part is blocked and Ready names
   * this reason.
   */
  public PartState asPartState() {
    return PartState.failed(Part.SOURCE, reason, getMessage());
  }
}
