package io.kubecdc.operator.core;

import io.kubecdc.operator.cleanup.Leftover;
import java.util.List;

/** What a deletion removed and what it could not (yet) remove. */
public record TeardownResult(List<String> done, List<Leftover> leftovers) {
  public TeardownResult {
    done = List.copyOf(done);
    leftovers = List.copyOf(leftovers);
  }

  public boolean complete() {
    return leftovers.isEmpty();
  }
}
