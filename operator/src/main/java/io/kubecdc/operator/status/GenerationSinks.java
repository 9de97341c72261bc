package io.kubecdc.operator.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The SINK part of a pipeline that runs one worker per checkpoint generation, the same in both
 * drivers. The live generation (the lowest version that runs: a building one always has a higher
 * version) is what readers get, so its worker decides the health. A building generation's worker
 * that is still starting is news, not an outage: a bump must not turn Ready False for the time a
 * new worker takes to start while the live one serves. One that fails degrades the part (Ready
 * stays True, the message says which generation and why), because the build cannot finish.
 */
public final class GenerationSinks {
  private GenerationSinks() {}

  /**
   * @param byVersion the SINK part of each running generation's worker, by version; not empty
   */
  public static PartState combine(SortedMap<Integer, PartState> byVersion) {
    if (byVersion.isEmpty()) {
      throw new IllegalArgumentException("no generation runs");
    }
    var live = byVersion.entrySet().iterator().next();
    if (byVersion.size() == 1) {
      return live.getValue();
    }
    Health health = live.getValue().health();
    String reason = live.getValue().reason();
    List<String> messages = new ArrayList<>();
    messages.add("generation " + live.getKey() + ": " + live.getValue().message());
    for (Map.Entry<Integer, PartState> e : byVersion.tailMap(live.getKey() + 1).entrySet()) {
      PartState building = e.getValue();
      messages.add("generation " + e.getKey() + " (building): " + building.message());
      boolean broken = building.health() == Health.FAILED || building.health() == Health.DEGRADED;
      if (health == Health.READY && broken) {
        health = Health.DEGRADED;
        reason = building.reason();
      }
    }
    return new PartState(live.getValue().part(), health, reason, String.join("; ", messages));
  }
}
