package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.ClickHouseTarget;
import io.kubecdc.api.crd.v1alpha1.DashboardTable;
import io.kubecdc.api.crd.v1alpha1.SourceSelection;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.clickhouse.DashboardRefreshes;
import io.kubecdc.operator.clickhouse.TablePlan;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.table.ColumnSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tables ask for a dashboard table, and what its outcome does to the status. */
class DashboardsTest {
  private final CdcPipelineSpec spec = new CdcPipelineSpec();
  private final List<TablePlan> plans = List.of(plan("orders"), plan("customers"), plan("items"));

  DashboardsTest() {
    SourceSelection source = new SourceSelection();
    for (String t : List.of("orders", "customers", "items")) {
      TableSpec ts = new TableSpec();
      ts.setName("public." + t);
      source.getTables().add(ts);
    }
    spec.setSource(source);
    spec.setClickhouse(new ClickHouseTarget());
    spec.getClickhouse().setDatabase("shop");
  }

  @Test
  void shouldTakeTheTablesOwnSettingOverThePipelinesDefault() {
    assertThat(Dashboards.wanted(spec, plans)).isEmpty();
    spec.getClickhouse().setDashboardTables(every("5m", true));
    spec.getSource().getTables().get(1).setDashboardTable(every("1m", false));
    spec.getSource().getTables().get(2).setDashboardTable(every("30s", true));
    assertThat(Dashboards.wanted(spec, plans))
        .extracting(w -> w.plan().table() + " " + w.refreshEvery())
        .containsExactly("orders 5m", "items 30s");
  }

  @Test
  void shouldDegradeTablesReadyWithEachFailedRefreshAndProblem() {
    Dashboards d =
        new Dashboards(
            Map.of(
                "orders",
                new DashboardRefreshes.Refresh(
                    "shop.orders_current", "Failed", null, "Code: 60. Unknown table")),
            List.of("customers_current: exists and is not this pipeline's dashboard table"));
    PartState degraded = d.degrade(PartState.ready(Part.TABLES, "TablesReady", "3 table(s)"));
    assertThat(degraded.health()).isEqualTo(Health.DEGRADED);
    assertThat(degraded.reason()).isEqualTo("DashboardTableFailed");
    assertThat(degraded.message())
        .contains("the stable view still serves current rows")
        .contains("customers_current: exists and is not")
        .contains("shop.orders_current: refresh failed: Code: 60. Unknown table");

    PartState incompatible =
        new PartState(Part.TABLES, Health.DEGRADED, "IncompatibleSchemaChange", "orders.code");
    assertThat(d.degrade(incompatible).reason()).isEqualTo("IncompatibleSchemaChange");
    assertThat(d.degrade(incompatible).message()).startsWith("orders.code; dashboard table(s)");
  }

  @Test
  void shouldLeaveTheTablesPartAloneAndReportTheRefreshPerTable() {
    Instant at = Instant.parse("2026-12-01T16:00:00Z");
    Dashboards d =
        new Dashboards(
            Map.of(
                "customers",
                new DashboardRefreshes.Refresh("shop.customers_current", "Scheduled", at, null)),
            List.of());
    PartState ready = PartState.ready(Part.TABLES, "TablesReady", "3 table(s)");
    assertThat(d.degrade(ready)).isSameAs(ready);
    List<TableStatus> status = List.of(new TableStatus(), new TableStatus(), new TableStatus());
    d.report(spec.getSource().getTables(), status);
    assertThat(status.get(0).getDashboardTable()).isNull();
    assertThat(status.get(1).getDashboardTable().getName()).isEqualTo("shop.customers_current");
    assertThat(status.get(1).getDashboardTable().getRefreshStatus()).isEqualTo("Scheduled");
    assertThat(status.get(1).getDashboardTable().getLastRefreshTime())
        .isEqualTo("2026-12-01T16:00:00Z");
  }

  @Test
  void shouldRefuseACopyWhoseNameIsACapturedTablesTarget() {
    spec.getClickhouse().setDashboardTables(every("1m", true));
    spec.getSource().getTables().get(2).setTarget("orders_current");
    List<TablePlan> clash = List.of(plan("orders"), plan("customers"), plan("orders_current"));
    spec.getSource().getTables().get(1).setDashboardTable(every("1m", false));
    spec.getSource().getTables().get(2).setDashboardTable(every("1m", false));
    Dashboards d = Dashboards.ensure(null, spec, clash);
    PartState degraded = d.degrade(PartState.ready(Part.TABLES, "TablesReady", ""));
    assertThat(degraded.message())
        .contains("orders_current is also the ClickHouse table of a captured table");
  }

  private static DashboardTable every(String interval, boolean enabled) {
    DashboardTable d = new DashboardTable();
    d.setRefreshEvery(interval);
    d.setEnabled(enabled);
    return d;
  }

  private static TablePlan plan(String table) {
    return new TablePlan(
        "shop", table, List.of(new ColumnSpec("id", "Int64")), List.of("id"), null, null);
  }
}
