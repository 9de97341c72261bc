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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
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
  private static final String COLUMNS = "id, qty, remark, code";

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
    pg("CREATE SCHEMA " + id);
    pg(
        "CREATE TABLE "
            + id
            + ".orders (id int PRIMARY KEY, qty int NOT NULL, note text, code int)");
    pg("INSERT INTO " + id + ".orders VALUES (1, 10, 'first', 7), (2, 20, 'second', 8)");
    CdcPipelineSpec spec = spec();
    request = pipeline.request(spec);
    AtomicReference<CoreResult> result = new AtomicReference<>();
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      result.set(StackPipeline.reconcileUntilRunning(core, request));
      workers.apply(result.get());
      pipeline.awaitLiveRows(ch, "orders", "id, qty, note, code", "1|10|first|7", "2|20|second|8");

      // a rename and a type ClickHouse cannot follow in place
      pg("ALTER TABLE " + id + ".orders RENAME COLUMN note TO remark");
      pg("ALTER TABLE " + id + ".orders ALTER COLUMN code TYPE text");
      // every row gets an event of the new shape: the rebuild reads the topic
      pg("UPDATE " + id + ".orders SET qty = qty + 1");
      pg("INSERT INTO " + id + ".orders VALUES (3, 30, 'third', 'A-7')"); // no Int32: dead letter
      pg("INSERT INTO " + id + ".orders VALUES (4, 40, 'fourth', NULL)");
      // generation 1 keeps its Int32 code: the text codes of the updates and of row 3 are dead
      // letters there, so rows 1 and 2 keep their old state and lack the renamed column's value
      pipeline.awaitLiveRows(
          ch, "orders", "id, qty, remark", "1|10|null", "2|20|null", "4|40|fourth");
      CoreResult changed =
          await()
              .atMost(Duration.ofSeconds(90))
              .pollInterval(Duration.ofSeconds(1))
              .until(() -> step(request, result), r -> deadLetters(r) == 3L);
      PartState tables = changed.observation().parts().get(Part.TABLES);
      assertThat(tables.reason()).as(tables.message()).isEqualTo("IncompatibleSchemaChange");
      assertThat(tables.message())
          .contains(
              "orders.code: Nullable(Int32) -> Nullable(String)",
              "orders.note no longer in the source (dropped or renamed)",
              "raise spec.checkpoint.version");

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
          .until(() -> state(step(request, result), 2) == GenerationState.Live);

      GenerationTables generations = new GenerationTables(ch, null);
      assertThat(generations.live(id, "orders")).hasValue(2);
      assertThat(
              StackPipeline.rows(
                  ch,
                  "SELECT as_select FROM system.tables WHERE database = '"
                      + id
                      + "' AND name = 'orders'"))
          .singleElement()
          .asString()
          .as("the stable view reads generation 2")
          .contains("orders_v2");
      assertThat(columns(ch, "orders_v2"))
          .as("generation 2 has the source's columns")
          .containsExactly(
              "id Int32",
              "qty Int32",
              "remark Nullable(String)",
              "code Nullable(String)",
              "_version UInt64",
              "_deleted UInt8");
      assertThat(columns(ch, "orders"))
          .as("the stable view has them too")
          .containsExactly(
              "id Int32",
              "qty Int32",
              "remark Nullable(String)",
              "code Nullable(String)",
              "_version UInt64",
              "_deleted UInt8");
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                CoreResult r = step(request, result);
                assertThat(viewRows(ch))
                    .as("ClickHouse (through the stable view) equals PostgreSQL")
                    .containsExactly(
                        "1|11|first|7", "2|21|second|8", "3|30|third|A-7", "4|40|fourth|null")
                    .isEqualTo(postgres());
                PartState now = r.observation().parts().get(Part.TABLES);
                assertThat(now.health()).as(now.message()).isEqualTo(Health.READY);
                assertThat(now.reason()).isNotEqualTo("IncompatibleSchemaChange");
                assertThat(now.message()).doesNotContain("no longer in the source");
                assertThat(generation(r, 1).getState()).isEqualTo(GenerationState.Retired);
              });
      CoreResult last = result.get();
      assertThat(last.workers()).extracting(WorkerConfig::version).containsExactly(2);
      assertThat(workers.running()).containsOnlyKeys(2);
      assertThat(last.tables().get(0).getClickhouseTable()).isEqualTo(id + ".orders_v2");
      GenerationStatus v1 = generation(last, 1);
      GenerationStatus v2 = generation(last, 2);
      assertThat(v1.getState()).isEqualTo(GenerationState.Retired);
      assertThat(v1.getMessage()).contains("replaced by generation 2");
      assertThat(v2.getState()).isEqualTo(GenerationState.Live);
      assertThat(v2.getSource()).isEqualTo(RebuildSource.Topics);
      assertThat(v2.getLiveAt()).isNotNull();
      // more rows than generation 1 held, within its dead letters
      assertThat(v2.getMessage()).endsWith("rows 4/3");
    }
  }

  /** One reconcile as a driver does it: the last history in, the workers made to match. */
  private CoreResult step(PipelineRequest request, AtomicReference<CoreResult> result)
      throws Exception {
    PipelineRequest r =
        result.get() == null
            ? request
            : request.withPrevious(List.of(), result.get().generations());
    CoreResult out = core.reconcile(r);
    result.set(out);
    workers.apply(out);
    return out;
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

  private static GenerationState state(CoreResult r, int version) {
    return r.generations().stream()
        .filter(g -> g.getVersion() == version)
        .map(GenerationStatus::getState)
        .findFirst()
        .orElse(null);
  }

  private static GenerationStatus generation(CoreResult r, int version) {
    return r.generations().stream()
        .filter(g -> g.getVersion() == version)
        .findFirst()
        .orElseThrow();
  }

  private List<String> columns(ClientV2Gateway ch, String table) {
    return StackPipeline.rows(
        ch,
        "SELECT concat(name, ' ', type) FROM system.columns WHERE database = '"
            + id
            + "' AND table = '"
            + table
            + "' ORDER BY position");
  }

  private List<String> viewRows(ClientV2Gateway ch) {
    return StackPipeline.rows(ch, "SELECT " + COLUMNS + " FROM `" + id + "`.orders ORDER BY id");
  }

  private List<String> postgres() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT " + COLUMNS + " FROM " + id + ".orders ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
      }
    }
    return out;
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
