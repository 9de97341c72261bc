package io.kubecdc.operator.cleanup;

import java.util.Optional;

/** One teardown step: what it removed, or what it left behind. */
public record StepResult(String done, Optional<Leftover> leftover) {
  public static StepResult done(String what) {
    return new StepResult(what, Optional.empty());
  }

  public static StepResult left(Leftover leftover) {
    return new StepResult("", Optional.of(leftover));
  }
}
