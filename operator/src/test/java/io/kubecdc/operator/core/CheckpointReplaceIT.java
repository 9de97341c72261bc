package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second bump while the first one's generation is still being built: generation 2's worker,
 * consumer group and tables are removed, generation 3 is built from the topics and switches in,
 * under the same write load and reader ({@link CutoverScenario}).
 */
@LocalStackTest
class CheckpointReplaceIT {
  private final StackEndpoints stack;
  @TempDir Path dir;

  CheckpointReplaceIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldReplaceAHalfBuiltGenerationWhenTheVersionIsRaisedAgain() throws Exception {
    new CutoverScenario(stack, dir, "rep", 5_000).replacingTheBuild().run(RebuildSource.Topics);
  }
}
