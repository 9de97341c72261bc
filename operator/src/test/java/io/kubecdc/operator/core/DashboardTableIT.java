package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.DashboardTable;
import io.kubecdc.api.crd.v1alpha1.DashboardTableStatus;
import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard table {@code <table>_current} on the real chain (PostgreSQL, Debezium, Kafka, the
 * sink-worker process, the ClickHouse engine's refreshable materialized views), driven as a driver
 * drives the core: inserts, updates and deletes reach it after a refresh value by value, a column
 * added at the source appears in it, a failing refresh is reported and leaves the last good copy,
 * it answers through a checkpoint bump, a name already taken is reported without touching the other
 * table, removing the option drops it, and teardown drops it.
 */
@LocalStackTest
class DashboardTableIT {
  private static final String COLUMNS = "id, amount, note";
  private final StackEndpoints stack;
  private final String id = "dash" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;
  private StackPipeline pipeline;
  private DefaultPipelineCore core;
  private CdcPipelineSpec spec;
  private GenerationWorkerProcesses workers;
  private final AtomicReference<CoreResult> result = new AtomicReference<>();

  DashboardTableIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldServeCurrentRowsWithoutFinalThroughChangesAndABumpAndDropThemWithThePipeline()
      throws Exception {
    pipeline = new StackPipeline(stack, dir, id);
    core = pipeline.core();
    pg("CREATE SCHEMA " + id);
    pg("CREATE TABLE " + id + ".orders (id bigint PRIMARY KEY, amount int, note text)");
    pg("CREATE TABLE " + id + ".customers (id bigint PRIMARY KEY, name text)");
    pg("INSERT INTO " + id + ".orders VALUES (1, 10, 'one'), (2, 20, 'two'), (3, 30, 'three')");
    spec = pipeline.removableSpec(List.of("orders", "customers"));
    spec.getCheckpoint().getCutover().setRetainPreviousFor("1s");
    spec.getClickhouse().setDashboardTables(every("1s"));
    workers = new GenerationWorkerProcesses(pipeline);
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      // a table of the user's under the name the customers' copy would take
      ch.execute("CREATE DATABASE IF NOT EXISTS `" + id + "`");
      ch.execute("CREATE TABLE `" + id + "`.customers_current (x Int8) ENGINE = Memory");
      ch.execute("INSERT INTO `" + id + "`.customers_current VALUES (7)");
      result.set(StackPipeline.reconcileUntilRunning(core, pipeline.request(spec)));
      workers.apply(result.get());
      awaitCurrent(ch, "1|10|one", "2|20|two", "3|30|three");

      PartState taken = step().observation().parts().get(Part.TABLES);
      assertThat(taken.health()).as(taken.message()).isEqualTo(Health.DEGRADED);
      assertThat(taken.reason()).isEqualTo("DashboardTableFailed");
      assertThat(taken.message())
          .contains(id + ".customers_current exists and is not this pipeline's dashboard table");
      assertThat(rows(ch, "SELECT x FROM `" + id + "`.customers_current")).containsExactly("7");
      spec.getSource().getTables().get(1).setDashboardTable(disabled());
      DashboardTableStatus orders = step().tables().get(0).getDashboardTable();
      assertThat(result.get().observation().parts().get(Part.TABLES).health())
          .isEqualTo(Health.READY);
      assertThat(result.get().tables().get(1).getDashboardTable()).isNull();
      assertThat(orders.getName()).isEqualTo(id + ".orders_current");
      assertThat(orders.getError()).isNull();
      assertThat(Instant.parse(orders.getLastRefreshTime()))
          .isAfter(Instant.now().minus(Duration.ofMinutes(5)));

      pg("UPDATE " + id + ".orders SET amount = 21, note = 'two, updated' WHERE id = 2");
      pg("DELETE FROM " + id + ".orders WHERE id = 3");
      pg("INSERT INTO " + id + ".orders VALUES (4, 40, 'four')");
      awaitCurrent(ch, "1|10|one", "2|21|two, updated", "4|40|four");

      // a column added at the source: the worker adds it to the table, the core to the copy
      pg("ALTER TABLE " + id + ".orders ADD COLUMN region text");
      pg("INSERT INTO " + id + ".orders VALUES (5, 50, 'five', 'north')");
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                step();
                // a query naming the column fails until it exists: wait for it first
                assertThat(
                        rows(
                            ch,
                            "SELECT name FROM system.columns WHERE database = '"
                                + id
                                + "' AND table = 'orders_current'"))
                    .contains("region");
                assertThat(current(ch, "id, region"))
                    .containsExactly("1|null", "2|null", "4|null", "5|north");
              });

      // a refresh that fails (a constraint of the user's on the copy): stale, reported, recovered
      String copy = "`" + id + "`.orders_current";
      ch.execute("ALTER TABLE " + copy + " ADD CONSTRAINT negative CHECK amount < 0");
      CoreResult failing =
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofSeconds(1))
              .until(this::step, r -> r.tables().get(0).getDashboardTable().getError() != null);
      assertThat(failing.tables().get(0).getDashboardTable().getRefreshStatus())
          .isEqualTo("Failed");
      assertThat(failing.tables().get(0).getDashboardTable().getError())
          .contains("Constraint `negative`");
      PartState stale = failing.observation().parts().get(Part.TABLES);
      assertThat(stale.health()).isEqualTo(Health.DEGRADED);
      assertThat(stale.reason()).isEqualTo("DashboardTableFailed");
      assertThat(stale.message())
          .contains(id + ".orders_current: refresh failed: Code: 469")
          .doesNotContain("Stack trace");
      assertThat(current(ch, "id")).as("the last good copy stays").hasSize(4);
      ch.execute("ALTER TABLE " + copy + " DROP CONSTRAINT negative");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              this::step, r -> r.observation().parts().get(Part.TABLES).health() == Health.READY);
      assertThat(result.get().tables().get(0).getDashboardTable().getError()).isNull();

      spec.getSource().getTables().get(0).setDashboardTable(every("3s"));
      step();
      assertThat(
              rows(
                  ch,
                  "SELECT create_table_query FROM system.tables WHERE database = '"
                      + id
                      + "' AND name = 'orders__kubecdc_refresh'"))
          .singleElement()
          .asString()
          .contains("REFRESH EVERY 3 SECOND");

      bumpWhileReading(ch);
      pg("UPDATE " + id + ".orders SET note = 'after the bump' WHERE id = 1");
      awaitCurrent(ch, "1|10|after the bump", "2|21|two, updated", "4|40|four", "5|50|five");

      spec.getSource().getTables().get(0).setDashboardTable(null);
      spec.getClickhouse().setDashboardTables(null);
      step();
      assertThat(tables(ch)).doesNotContain("orders_current", "orders__kubecdc_refresh");
      assertThat(result.get().tables().get(0).getDashboardTable()).isNull();
      spec.getClickhouse().setDashboardTables(every("1s"));
      step();
      awaitCurrent(ch, "1|10|after the bump", "2|21|two, updated", "4|40|four", "5|50|five");

      workers.close();
      assertThat(core.teardown(pipeline.request(spec)).leftovers()).isEmpty();
      assertThat(tables(ch)).containsExactly("customers_current");
      assertThat(
              rows(ch, "SELECT count() FROM system.view_refreshes WHERE database = '" + id + "'"))
          .containsExactly("0");
    }
  }

  /** Raises the version and steps until generation 2 is live, reading the copy at every step. */
  private void bumpWhileReading(ClientV2Gateway ch) {
    spec.getCheckpoint().setVersion(2);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              CoreResult r = step();
              assertThat(current(ch, "id")).as("the copy answers during the bump").isNotEmpty();
              return r.generations().stream()
                  .anyMatch(g -> g.getVersion() == 2 && g.getState() == GenerationState.Live);
            });
  }

  private CoreResult step() throws Exception {
    return workers.step(core, pipeline.request(spec), result);
  }

  private void awaitCurrent(ClientV2Gateway ch, String... expected) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(current(ch, COLUMNS)).containsExactly(expected));
  }

  /** The copy as a dashboard reads it: no FINAL, no filter on _deleted. */
  private List<String> current(ClientV2Gateway ch, String columns) {
    return rows(ch, "SELECT " + columns + " FROM `" + id + "`.orders_current ORDER BY id");
  }

  private List<String> tables(ClientV2Gateway ch) {
    return rows(ch, "SELECT name FROM system.tables WHERE database = '" + id + "' ORDER BY name");
  }

  private static List<String> rows(ClientV2Gateway ch, String sql) {
    return StackPipeline.rows(ch, sql);
  }

  private static DashboardTable every(String interval) {
    DashboardTable d = new DashboardTable();
    d.setRefreshEvery(interval);
    return d;
  }

  private static DashboardTable disabled() {
    DashboardTable d = new DashboardTable();
    d.setEnabled(false);
    return d;
  }

  private void pg(String sql) throws Exception {
    pipeline.pg(sql);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (workers != null) {
      workers.close();
    }
    if (core != null) {
      pipeline.removeAll(core, pipeline.request(spec));
    }
  }
}
