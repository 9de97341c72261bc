package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.operator.clickhouse.GenerationTables;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last step of a source schema change on the real chain: a rename and an incompatible type
 * reported as {@code IncompatibleSchemaChange}, then {@code spec.checkpoint.version} raised to 2
 * and reconciled as a driver does (one worker per generation in {@code CoreResult.workers}) until
 * generation 2 is Live. The stable view then reads {@code orders_v2}, which has the source's
 * columns (the new name filled, the old one gone, the new type holding the value generation 1
 * dead-lettered), ClickHouse equals PostgreSQL through the view, the condition is gone and the
 * history shows generation 1 Retired and 2 Live.
 */
@LocalStackTest
class SchemaRebuildIT {
  private final StackEndpoints stack;
  private final String id = "srb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;
  private StackPipeline pipeline;
  private DefaultPipelineCore core;
  private GenerationWorkerProcesses workers;
  private PipelineRequest request;

  SchemaRebuildIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldRebuildTheTableWithTheSourceColumnsAfterAnIncompatibleChange() throws Exception {
    pipeline = new StackPipeline(stack, dir, id);
    core = pipeline.core();
    workers = new GenerationWorkerProcesses(pipeline);
    SchemaRebuildSource.create(pipeline);
    CdcPipelineSpec spec = spec();
    request = pipeline.request(spec);
    AtomicReference<CoreResult> result = new AtomicReference<>();
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      result.set(StackPipeline.reconcileUntilRunning(core, request));
      workers.apply(result.get());
      SchemaRebuildSource.awaitBefore(pipeline, ch);

      // a rename and a type ClickHouse cannot follow in place
      SchemaRebuildSource.change(pipeline, ch);
      CoreResult changed =
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> step(request, result),
                  r -> deadLetters(r) == SchemaRebuildSource.DEAD_LETTERS);
      PartState tables = changed.observation().parts().get(Part.TABLES);
      assertThat(tables.reason()).as(tables.message()).isEqualTo("IncompatibleSchemaChange");
      assertThat(tables.message()).contains(SchemaRebuildSource.REPORTED);

      // the rebuild
      spec.getCheckpoint().setVersion(2);
      CoreResult building = step(request, result);
      String v2Config =
          building.workers().stream()
              .filter(w -> w.version() == 2)
              .map(WorkerConfig::yaml)
              .findFirst()
              .orElseThrow();
      assertThat(v2Config)
          .as("the old column is left out of older events")
          .contains("droppedColumns:\n  - \"note\"");
      await()
          .atMost(Duration.ofSeconds(150))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> CutoverScenario.state(step(request, result), 2) == GenerationState.Live);

      GenerationTables generations = new GenerationTables(ch, null);
      assertThat(generations.live(id, "orders")).hasValue(2);
      SchemaRebuildSource.assertRebuiltColumns(pipeline, ch);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                CoreResult r = step(request, result);
                assertThat(SchemaRebuildSource.view(pipeline, ch))
                    .as("ClickHouse (through the stable view) equals PostgreSQL")
                    .isEqualTo(SchemaRebuildSource.REBUILT)
                    .isEqualTo(SchemaRebuildSource.postgres(pipeline));
                PartState now = r.observation().parts().get(Part.TABLES);
                assertThat(now.health()).as(now.message()).isEqualTo(Health.READY);
                assertThat(now.reason()).isNotEqualTo("IncompatibleSchemaChange");
                assertThat(now.message()).doesNotContain("no longer in the source");
                assertThat(CutoverScenario.generation(r, 1).getState())
                    .isEqualTo(GenerationState.Retired);
              });
      CoreResult last = result.get();
      assertThat(last.workers()).extracting(WorkerConfig::version).containsExactly(2);
      assertThat(workers.running()).containsOnlyKeys(2);
      assertThat(last.tables().get(0).getClickhouseTable()).isEqualTo(id + ".orders_v2");
      GenerationStatus v1 = CutoverScenario.generation(last, 1);
      GenerationStatus v2 = CutoverScenario.generation(last, 2);
      assertThat(v1.getState()).isEqualTo(GenerationState.Retired);
      assertThat(v1.getMessage()).contains("replaced by generation 2");
      assertThat(v2.getState()).isEqualTo(GenerationState.Live);
      assertThat(v2.getSource())
          .as("the topics hold row 2 only with the old column: rebuilt from a snapshot")
          .isEqualTo(RebuildSource.Snapshot);
      assertThat(v2.getSourceReason()).startsWith("orders.note no longer in the source");
      assertThat(v2.getLiveAt()).isNotNull();
      // more rows than generation 1 held, within its dead letters
      assertThat(v2.getMessage()).endsWith("rows 4/3");
    }
  }

  /** One reconcile as a driver does it: the last history in, the workers made to match. */
  private CoreResult step(PipelineRequest request, AtomicReference<CoreResult> result)
      throws Exception {
    return workers.step(core, request, result);
  }

  private CdcPipelineSpec spec() {
    CdcPipelineSpec spec = pipeline.spec(List.of("orders"));
    spec.getDeletionPolicy().setTables(DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(DeletionPolicy.Action.DELETE);
    spec.getCheckpoint().getCutover().setRetainPreviousFor("1s");
    // the default tolerance: generation 1 dead-lettered row 3 (and the updates), generation 2
    // holds all 4 rows, which the dead-letter allowance lets switch in
    return spec;
  }

  private static long deadLetters(CoreResult r) {
    return r.tables().isEmpty() ? -1L : r.tables().get(0).getDeadLetters();
  }

  /** The workers' logs under target/it-logs, to read after a failure. */
  private void keepLogs() throws java.io.IOException {
    Path to = Path.of("target", "it-logs", id);
    java.nio.file.Files.createDirectories(to);
    try (var logs = java.nio.file.Files.newDirectoryStream(dir, "*.log")) {
      for (Path log : logs) {
        java.nio.file.Files.copy(log, to.resolve(log.getFileName()));
      }
    }
  }

  private void pg(String sql) throws Exception {
    pipeline.pg(sql);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (workers != null) {
      workers.close();
    }
    keepLogs();
    if (request == null) {
      return;
    }
    assertThat(core.teardown(request).leftovers()).isEmpty();
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pg("DROP SCHEMA IF EXISTS " + id + " CASCADE");
  }
}
