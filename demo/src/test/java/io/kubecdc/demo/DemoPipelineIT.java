package io.kubecdc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's main job, as bin/demo runs it, moves real rows and says so. */
@LocalStackTest
class DemoPipelineIT {
  @Test
  void shouldMakeClickHouseEqualToPostgresWithTheRealSinkWorker(StackEndpoints stack)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path repoRoot = Path.of("").toAbsolutePath().getParent();
    boolean equal =
        DemoPipeline.run(stack, repoRoot, new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    assertThat(equal).as(printed).isTrue();
    assertThat(printed)
        .contains("ClickHouse equals PostgreSQL: 1400 rows")
        .contains("column added by the worker: coupon Nullable(String)")
        .contains("0 dead letters")
        .contains("(exit 0)");
  }
}
