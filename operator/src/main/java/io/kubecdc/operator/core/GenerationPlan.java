package io.kubecdc.operator.core;

import io.kubecdc.operator.clickhouse.GenerationTables;
import io.kubecdc.operator.clickhouse.TablePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which checkpoint generations one reconcile works with: {@code live}, the one the stable views
 * point at (read from ClickHouse), and {@code target}, the spec's version, built beside it while it
 * is higher. {@code refusal} says why a lower spec version is not followed.
 */
record GenerationPlan(int live, int target, Optional<String> refusal) {
  boolean building() {
    return target > live;
  }

  /** The generations whose tables must exist: the live one, and the one being built. */
  List<Integer> active() {
    return building() ? List.of(live, target) : List.of(live);
  }

  /** The physical tables of every active generation. */
  List<TablePlan> physical(List<TablePlan> plans) {
    List<TablePlan> out = new ArrayList<>();
    for (int v : active()) {
      plans.forEach(p -> out.add(GenerationTables.forVersion(p, v)));
    }
    return out;
  }

  /**
   * Reads the live generation of the tables; a pipeline without tables yet starts at the spec's.
   */
  static GenerationPlan read(GenerationTables tables, List<TablePlan> plans, int specVersion) {
    int live =
        plans.stream()
            .map(p -> tables.live(p.database(), p.table()))
            .filter(v -> v.isPresent())
            .mapToInt(v -> v.getAsInt())
            .max()
            .orElse(specVersion);
    if (specVersion < live) {
      return new GenerationPlan(
          live,
          live,
          Optional.of(
              "spec.checkpoint.version "
                  + specVersion
                  + " is below the live generation "
                  + live
                  + ": lowering is refused, generation "
                  + live
                  + " stays live"));
    }
    return new GenerationPlan(live, specVersion, Optional.empty());
  }
}
