package io.kubecdc.operator.status;

import java.util.Objects;

/**
 * The outcome of one part: a machine-readable {@code reason} (CamelCase, e.g. {@code
 * WalLevelNotLogical}) and a message for people that says what is wrong and how to fix it.
 */
public record PartState(Part part, Health health, String reason, String message) {
  public PartState {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(health, "health");
    if (reason == null || !reason.matches("[A-Z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException("reason must be CamelCase: " + reason);
    }
    message = message == null ? "" : message;
  }

  public static PartState ready(Part part, String reason, String message) {
    return new PartState(part, Health.READY, reason, message);
  }

  public static PartState failed(Part part, String reason, String message) {
    return new PartState(part, Health.FAILED, reason, message);
  }

  public static PartState progressing(Part part, String reason, String message) {
    return new PartState(part, Health.PROGRESSING, reason, message);
  }
}
