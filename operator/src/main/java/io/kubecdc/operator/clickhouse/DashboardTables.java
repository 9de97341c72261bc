package io.kubecdc.operator.clickhouse;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.table.ColumnSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each asked-for dashboard table ({@link DashboardDdl}) as the spec and the stable name say,
 * every reconcile: created with the table, its columns following the stable name's (a column the
 * worker added, a widened type, a column a rebuild left out), its interval following the spec, and
 * dropped once no longer asked for (option removed, table removed, pipeline deleted). What exists
 * is read from ClickHouse by the pipeline's comment, not from the status, so a lost status or an
 * operator restart leaves nothing behind. The refreshes themselves run in ClickHouse; their outcome
 * is read from {@code system.view_refreshes}.
 */
public final class DashboardTables {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardTables.class);

  /** One table whose dashboard table is asked for: its plan (stable name) and interval. */
  public record Wanted(TablePlan plan, String refreshEvery) {}

  private final ClickHouseGateway clickhouse;
  private final String cluster;
  private final String marker;

  public DashboardTables(ClickHouseGateway clickhouse, String cluster, String marker) {
    this.clickhouse = clickhouse;
    this.cluster = cluster;
    this.marker = marker;
  }

  /** The comment that marks a pipeline's dashboard tables and refresh views. */
  public static String marker(String namespace, String pipeline) {
    return "kubecdc dashboard table of " + namespace + "/" + pipeline;
  }

  /**
   * Makes {@code database} hold exactly the {@code wanted} dashboard tables of this pipeline; a
   * table that cannot get one (its name taken, a statement refused) is named in {@code problems}
   * and the others go on.
   */
  public Map<String, DashboardRefreshes.Refresh> ensure(
      String database, List<Wanted> wanted, List<String> problems) {
    Map<String, String> ours = owned(database);
    Set<String> keep = new HashSet<>();
    wanted.forEach(
        w -> keep.addAll(List.of(DashboardDdl.target(w.plan().table()), refreshViewOf(w))));
    dropAll(database, ours.keySet().stream().filter(n -> !keep.contains(n)).toList());
    for (Wanted w : wanted) {
      try {
        ensureOne(w, ours);
      } catch (RuntimeException e) {
        LOG.warn(
            "event=dashboard_table_failed table={} error=\"{}\"", w.plan().table(), e.getMessage());
        problems.add(
            DashboardDdl.target(w.plan().table())
                + ": "
                + DashboardRefreshes.firstLine(e.getMessage()));
      }
    }
    return DashboardRefreshes.read(clickhouse, database, wanted);
  }

  /** Drops every dashboard table and refresh view of this pipeline in {@code database}. */
  public List<String> dropAll(String database) {
    List<String> names = List.copyOf(owned(database).keySet());
    dropAll(database, names);
    return names;
  }

  private void ensureOne(Wanted w, Map<String, String> ours) {
    TablePlan p = w.plan();
    List<ColumnSpec> columns = clickhouse.columns(p.database(), p.table());
    if (columns.isEmpty()) {
      throw new IllegalStateException(
          "no columns in " + p.database() + "." + p.table() + " to copy yet: retried next time");
    }
    String target = DashboardDdl.target(p.table());
    boolean changed = false;
    if (!ours.containsKey(target)) {
      if (!clickhouse.columns(p.database(), target).isEmpty()) {
        throw new IllegalStateException(
            p.database()
                + "."
                + target
                + " exists and is not this pipeline's dashboard table: rename or drop it, or set"
                + " dashboardTable.enabled: false for "
                + p.table());
      }
      clickhouse.execute(DashboardDdl.createTarget(p, columns, marker, cluster));
      LOG.info("event=dashboard_table_created table={}.{}", p.database(), target);
    } else {
      for (String sql :
          DashboardDdl.alignColumns(
              p, clickhouse.columns(p.database(), target), columns, cluster)) {
        clickhouse.execute(sql);
        changed = true;
      }
    }
    String view = refreshViewOf(w);
    if (!ours.containsKey(view)) {
      clickhouse.execute(DashboardDdl.createRefresh(p, columns, w.refreshEvery(), marker, cluster));
      return;
    }
    if (!clickhouse.columns(p.database(), view).equals(columns)) {
      clickhouse.execute(DashboardDdl.modifyQuery(p, columns, cluster));
      changed = true;
    }
    if (!ours.get(view)
        .contains("REFRESH EVERY " + DashboardDdl.interval(w.refreshEvery()) + " ")) {
      clickhouse.execute(DashboardDdl.modifyRefresh(p, w.refreshEvery(), cluster));
    }
    if (changed) {
      LOG.info("event=dashboard_table_columns_changed table={}.{}", p.database(), target);
      clickhouse.execute(DashboardDdl.refreshNow(p.database(), p.table()));
    }
  }

  /** This pipeline's dashboard tables and refresh views in {@code database}, with their DDL. */
  private Map<String, String> owned(String database) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var row :
        clickhouse.select(
            "SELECT name, create_table_query FROM system.tables WHERE database = "
                + SqlLiterals.quote(database)
                + " AND comment = "
                + SqlLiterals.quote(marker)
                + " ORDER BY engine = 'MaterializedView' DESC, name")) {
      out.put(String.valueOf(row.get("name")), String.valueOf(row.get("create_table_query")));
    }
    return out;
  }

  /**
   * Drops {@code names} in order: the refresh views come first, so none refreshes a dropped table.
   */
  private void dropAll(String database, List<String> names) {
    List<String> ordered = new ArrayList<>(names);
    ordered.sort(
        (a, b) ->
            Boolean.compare(!a.endsWith(DashboardDdl.REFRESH), !b.endsWith(DashboardDdl.REFRESH)));
    for (String name : ordered) {
      clickhouse.execute(TableDdl.dropTable(database, name, cluster));
      LOG.info("event=dashboard_table_dropped table={}.{}", database, name);
    }
  }

  static String refreshViewOf(Wanted w) {
    return DashboardDdl.refreshView(w.plan().table());
  }
}
