package io.kubecdc.operator.standalone;

import static io.kubecdc.operator.standalone.StandaloneCheckpointIT.generation;
import static io.kubecdc.operator.standalone.StandaloneCheckpointIT.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.operator.core.SchemaRebuildSource;
import io.kubecdc.operator.core.StackPipeline;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last step of a source schema change through {@code kubecdc run} on the real stack: a rename
 * and an int-to-text change ({@link SchemaRebuildSource}) show as {@code IncompatibleSchemaChange}
 * in {@code kubecdc status --state-dir}; raising {@code spec.checkpoint.version} in the file and
 * restarting the run (the other way than {@link StandaloneCheckpointIT}'s edit of a running one)
 * rebuilds the table, which then has exactly the source's columns and values, the condition is
 * gone, and the generations' history kept across the restart.
 */
@LocalStackTest
class StandaloneSchemaRebuildIT {
  private final StackEndpoints stack;
  private final String id = "ssr" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;
  private StackPipeline source;

  StandaloneSchemaRebuildIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldRebuildTheTableWithTheSourceColumnsWhenTheFileRaisesTheVersion() throws Exception {
    source = new StackPipeline(stack, dir, id);
    SchemaRebuildSource.create(source);
    // generation 2 holds the rows generation 1 dead-lettered: the default 1% would never switch
    try (StackRun run = new StackRun(stack, dir, id, 50.0);
        ClientV2Gateway ch = source.clickhouse()) {
      run.start();
      SchemaRebuildSource.awaitBefore(source, ch);

      SchemaRebuildSource.change(source, ch);
      String reported =
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofSeconds(1))
              .until(run::status, s -> s.contains(" True/Degraded ") && s.contains("no longer in"));
      System.out.println(reported);
      assertThat(reported)
          .containsPattern("(?m)^it +" + id + " .* True/Degraded +Degraded ")
          .containsPattern("(?m)^  TablesReady +True +IncompatibleSchemaChange ")
          .contains(SchemaRebuildSource.REPORTED);

      // this time the version is raised by restarting the run with the edited file
      String v1Started = generation(run, 1).getStartedAt();
      run.stop();
      run.writeVersion(2);
      run.start();
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> state(run, 2) == GenerationState.Live);

      SchemaRebuildSource.assertRebuiltColumns(source, ch);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                assertThat(SchemaRebuildSource.view(source, ch))
                    .as("ClickHouse (through the stable view) equals PostgreSQL")
                    .isEqualTo(SchemaRebuildSource.REBUILT)
                    .isEqualTo(SchemaRebuildSource.postgres(source));
                assertThat(run.status())
                    .as("the condition is gone")
                    .doesNotContain("IncompatibleSchemaChange")
                    .containsPattern("(?m)^it +" + id + " .* True/Streaming +Streaming .* 2$");
              });
      assertThat(generation(run, 1).getState()).isEqualTo(GenerationState.Retired);
      assertThat(generation(run, 1).getStartedAt())
          .as("the history survived the restart (generations.json)")
          .isEqualTo(v1Started);
      assertThat(run.printed()).doesNotContain("applied the edited files");
      assertThat(run.status()).containsPattern("(?m)^  v2 Live");
    }
  }

  @AfterEach
  void dropSource() throws Exception {
    if (source != null) {
      source.drop();
    }
  }
}
