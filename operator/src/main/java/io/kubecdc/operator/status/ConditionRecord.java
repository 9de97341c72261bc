package io.kubecdc.operator.status;

import java.time.Instant;

/**
 * A standard condition without Kubernetes types: {@code status} is True, False or Unknown; {@code
 * lastTransitionTime} changes only when {@code status} does.
 */
public record ConditionRecord(
    String type,
    String status,
    String reason,
    String message,
    Instant lastTransitionTime,
    long observedGeneration) {
  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  /** The same condition, but keeping {@code previous}'s transition time if the status held. */
  public ConditionRecord since(ConditionRecord previous) {
    if (previous != null && previous.status.equals(status)) {
      return new ConditionRecord(
          type, status, reason, message, previous.lastTransitionTime, observedGeneration);
    }
    return this;
  }
}
