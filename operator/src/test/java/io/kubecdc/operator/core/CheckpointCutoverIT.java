package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint bump of a pipeline with compacted topics (the default): 20,000 rows, generation 2
 * rebuilt from the topics beside generation 1 under a steady write load while a reader polls the
 * stable name ({@link CutoverScenario}).
 */
@LocalStackTest
class CheckpointCutoverIT {
  private final StackEndpoints stack;
  @TempDir Path dir;

  CheckpointCutoverIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldSwitchTheStableViewToTheRebuiltGenerationWithoutReadersSeeingAGap() throws Exception {
    new CutoverScenario(stack, dir, "cut", 20_000).run(RebuildSource.Topics);
  }
}
