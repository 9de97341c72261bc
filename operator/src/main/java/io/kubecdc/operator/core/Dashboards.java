package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.DashboardTable;
import io.kubecdc.api.crd.v1alpha1.DashboardTableStatus;
import io.kubecdc.api.crd.v1alpha1.TableSpec;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.clickhouse.DashboardDdl;
import io.kubecdc.operator.clickhouse.DashboardRefreshes;
import io.kubecdc.operator.clickhouse.DashboardTables;
import io.kubecdc.operator.clickhouse.TablePlan;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.PartState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard-table step of a reconcile, between the spec and {@link DashboardTables}: which
 * tables ask for one (the table's {@code dashboardTable}, else the pipeline's {@code
 * clickhouse.dashboardTables}), and what the outcome adds to the status. A dashboard table that
 * cannot be kept, or whose last refresh failed, degrades {@code TablesReady} rather than failing
 * it: the stable view still serves every reader, only the copy is stale.
 */
final class Dashboards {
  private final Map<String, DashboardRefreshes.Refresh> refreshes;
  private final List<String> problems;

  Dashboards(Map<String, DashboardRefreshes.Refresh> refreshes, List<String> problems) {
    this.refreshes = refreshes;
    this.problems = problems;
  }

  /** Creates, updates and drops the pipeline's dashboard tables; never throws. */
  static Dashboards ensure(DashboardTables tables, CdcPipelineSpec spec, List<TablePlan> plans) {
    List<String> problems = new ArrayList<>();
    List<DashboardTables.Wanted> wanted = new ArrayList<>();
    for (DashboardTables.Wanted w : wanted(spec, plans)) {
      String target = DashboardDdl.target(w.plan().table());
      if (plans.stream().anyMatch(p -> p.table().equals(target))) {
        problems.add(
            target
                + " is also the ClickHouse table of a captured table: give one of them another target");
      } else {
        wanted.add(w);
      }
    }
    try {
      return new Dashboards(
          tables.ensure(spec.getClickhouse().getDatabase(), wanted, problems), problems);
    } catch (RuntimeException e) {
      problems.add(String.valueOf(e.getMessage()));
      return new Dashboards(Map.of(), problems);
    }
  }

  static List<DashboardTables.Wanted> wanted(CdcPipelineSpec spec, List<TablePlan> plans) {
    List<DashboardTables.Wanted> out = new ArrayList<>();
    for (TableSpec t : spec.getSource().getTables()) {
      DashboardTable d =
          t.getDashboardTable() != null
              ? t.getDashboardTable()
              : spec.getClickhouse().getDashboardTables();
      String target = TablePlans.targetName(t);
      if (d != null && d.isEnabled()) {
        plans.stream()
            .filter(p -> p.table().equals(target))
            .findFirst()
            .ifPresent(p -> out.add(new DashboardTables.Wanted(p, d.getRefreshEvery())));
      }
    }
    return out;
  }

  /** The tables part with the dashboard tables' problems and failed refreshes added. */
  PartState degrade(PartState tables) {
    List<String> all = new ArrayList<>(problems);
    refreshes.values().stream()
        .filter(DashboardRefreshes.Refresh::failed)
        .forEach(r -> all.add(r.name() + ": refresh failed: " + r.error()));
    if (all.isEmpty()) {
      return tables;
    }
    String message =
        "dashboard table(s) stale, the stable view still serves current rows: "
            + String.join("; ", all);
    if (tables.health() == Health.READY) {
      return new PartState(tables.part(), Health.DEGRADED, "DashboardTableFailed", message);
    }
    return new PartState(
        tables.part(), tables.health(), tables.reason(), tables.message() + "; " + message);
  }

  /** Adds each table's dashboard table and its last refresh to {@code status} (spec order). */
  void report(List<TableSpec> specTables, List<TableStatus> status) {
    for (int i = 0; i < specTables.size() && i < status.size(); i++) {
      DashboardRefreshes.Refresh r = refreshes.get(TablePlans.targetName(specTables.get(i)));
      if (r != null) {
        DashboardTableStatus s = new DashboardTableStatus();
        s.setName(r.name());
        s.setRefreshStatus(r.status());
        s.setLastRefreshTime(r.lastSuccess() == null ? null : r.lastSuccess().toString());
        s.setError(r.error());
        status.get(i).setDashboardTable(s);
      }
    }
  }
}
