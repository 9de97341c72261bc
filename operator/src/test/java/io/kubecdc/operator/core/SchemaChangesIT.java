package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.api.crd.v1alpha1.TablePhase;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source schema changes on the real chain (PostgreSQL, Debezium, Kafka, the sink-worker process,
 * ClickHouse) with the core: a widening applied in place by the worker and then agreed on by the
 * operator; a rename and an incompatible type reported as {@code IncompatibleSchemaChange}, the
 * rows that cannot be written dead-lettered and counted per table; a table dropped at the source
 * reported as {@code SourceTableMissing} while the other table streams on.
 */
@LocalStackTest
class SchemaChangesIT {
  private final StackEndpoints stack;
  private final String id = "sch" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;
  private StackPipeline pipeline;
  private DefaultPipelineCore core;
  private Process worker;

  SchemaChangesIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldWidenInPlaceReportWhatNeedsARebuildAndLoseNoEvent() throws Exception {
    pipeline = new StackPipeline(stack, dir, id);
    core = pipeline.core();
    pg("CREATE SCHEMA " + id);
    pg(
        "CREATE TABLE "
            + id
            + ".orders (id int PRIMARY KEY, qty int NOT NULL, price real, note text, code int)");
    pg("CREATE TABLE " + id + ".customers (id int PRIMARY KEY, name text)");
    pg("INSERT INTO " + id + ".orders VALUES (1, 10, 1.5, 'first', 7)");
    pg("INSERT INTO " + id + ".customers VALUES (1, 'Ada')");
    PipelineRequest request = pipeline.request(spec());
    CoreResult first = StackPipeline.reconcileUntilRunning(core, request);
    worker = pipeline.startWorker(first.workerConfig().orElseThrow());
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      awaitOrders(ch, "1|10|1.5|first|7");

      // safe widenings: int -> bigint, real -> double precision
      pg(
          "ALTER TABLE "
              + id
              + ".orders ALTER COLUMN qty TYPE bigint, ALTER COLUMN price TYPE double precision");
      PartState pending = core.reconcile(request).observation().parts().get(Part.TABLES);
      assertThat(pending.health()).as(pending.message()).isEqualTo(Health.READY);
      assertThat(pending.message())
          .contains("widened by the sink-worker at the first row of the new type")
          .contains(
              "orders.qty: Int32 -> Int64", "orders.price: Nullable(Float32) -> Nullable(Float64)");
      pg("INSERT INTO " + id + ".orders VALUES (2, 5000000000, 0.1, 'second', 8)");
      awaitOrders(ch, "1|10|1.5|first|7", "2|5000000000|0.1|second|8");
      assertThat(types(ch, "qty", "price")).containsExactly("Int64", "Nullable(Float64)");
      PartState agreed = core.reconcile(request).observation().parts().get(Part.TABLES);
      assertThat(agreed.message()).isEqualTo("2 table(s) in " + id);

      // a rename and a type ClickHouse cannot follow: reported, nothing altered or dropped
      pg("ALTER TABLE " + id + ".orders RENAME COLUMN note TO remark");
      pg("ALTER TABLE " + id + ".orders ALTER COLUMN code TYPE text");
      pg("INSERT INTO " + id + ".orders VALUES (3, 3, 3.0, 'third', 'A-7')");
      pg("INSERT INTO " + id + ".orders VALUES (4, 4, 4.0, 'fourth', NULL)");
      awaitOrders(ch, "1|10|1.5|first|7", "2|5000000000|0.1|second|8", "4|4|4.0|null|null");
      assertThat(
              StackPipeline.rows(ch, "SELECT remark FROM `" + id + "`.orders FINAL WHERE id = 4"))
          .as("the renamed column is added and filled")
          .containsExactly("fourth");
      CoreResult changed =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> core.reconcile(request), r -> deadLetters(r, "orders") == 1L);
      PartState tables = changed.observation().parts().get(Part.TABLES);
      assertThat(tables.health()).isEqualTo(Health.DEGRADED);
      assertThat(tables.reason()).isEqualTo("IncompatibleSchemaChange");
      assertThat(tables.message())
          .contains(
              "orders.code: Nullable(Int32) -> Nullable(String)",
              "orders.note no longer in the source (dropped or renamed)",
              "raise spec.checkpoint.version");
      assertThat(deadLetters(changed, "customers")).isZero();
      assertThat(types(ch, "note", "code")).containsExactly("Nullable(String)", "Nullable(Int32)");

      // a table dropped at the source: reported; the other one streams on
      pg("DROP TABLE " + id + ".customers");
      CoreResult dropped = core.reconcile(request);
      PartState source = dropped.observation().parts().get(Part.SOURCE);
      assertThat(source.health()).as(source.message()).isEqualTo(Health.DEGRADED);
      assertThat(source.reason()).isEqualTo("SourceTableMissing");
      assertThat(source.message()).contains(id + ".customers no longer in database");
      assertThat(dropped.tables())
          .extracting(TableStatus::getName, TableStatus::getPhase)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(id + ".orders", TablePhase.Streaming),
              org.assertj.core.groups.Tuple.tuple(
                  id + ".customers", TablePhase.SourceTableMissing));
      assertThat(dropped.observation().parts().get(Part.CONNECTOR).reason())
          .isEqualTo("ConnectorRunning");
      String config = dropped.workerConfig().orElseThrow();
      assertThat(config).doesNotContain(id + ".customers");
      StackPipeline.stop(worker);
      worker = pipeline.startWorker(config);
      pg("INSERT INTO " + id + ".orders VALUES (5, 5, 5.0, 'fifth', NULL)");
      awaitOrders(
          ch,
          "1|10|1.5|first|7",
          "2|5000000000|0.1|second|8",
          "4|4|4.0|null|null",
          "5|5|5.0|null|null");
      assertThat(
              StackPipeline.rows(
                  ch, "SELECT id, name FROM `" + id + "`.customers FINAL WHERE _deleted = 0"))
          .as("the dropped table's rows stay in ClickHouse")
          .containsExactly("1|Ada");
    }
  }

  private CdcPipelineSpec spec() {
    CdcPipelineSpec spec = pipeline.spec(List.of("orders", "customers"));
    spec.getDeletionPolicy().setTables(DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(DeletionPolicy.Action.DELETE);
    return spec;
  }

  private static long deadLetters(CoreResult r, String table) {
    return r.tables().stream()
        .filter(t -> t.getName().endsWith("." + table))
        .findFirst()
        .map(TableStatus::getDeadLetters)
        .orElse(-1L);
  }

  private List<String> types(ClientV2Gateway ch, String... columns) {
    return java.util.Arrays.stream(columns)
        .map(
            c ->
                StackPipeline.rows(
                        ch,
                        "SELECT type FROM system.columns WHERE database = '"
                            + id
                            + "' AND table = 'orders' AND name = '"
                            + c
                            + "'")
                    .get(0))
        .toList();
  }

  private void awaitOrders(ClientV2Gateway ch, String... expected) {
    pipeline.awaitLiveRows(ch, "orders", "id, qty, price, note, code", expected);
  }

  private void pg(String sql) throws Exception {
    pipeline.pg(sql);
  }

  @AfterEach
  void cleanUp() throws Exception {
    StackPipeline.stop(worker);
    if (core == null) {
      return;
    }
    assertThat(core.teardown(pipeline.request(spec())).leftovers()).isEmpty();
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pg("DROP SCHEMA IF EXISTS " + id + " CASCADE");
  }
}
