package io.kubecdc.operator.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gate's answer for one revision: what is missing (one sentence per fact, naming the namespace
 * and the figure), what holds, and when only time is missing, the moment the wait ends.
 */
public record GateResult(List<String> missing, List<String> met, Optional<Instant> waitEnds) {
  public GateResult {
    missing = List.copyOf(missing);
    met = List.copyOf(met);
  }

  public boolean holds() {
    return missing.isEmpty();
  }

  public String summary() {
    return String.join("; ", holds() ? met : missing);
  }
}
