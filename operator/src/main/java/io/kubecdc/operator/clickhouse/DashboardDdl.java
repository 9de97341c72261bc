package io.kubecdc.operator.clickhouse;

import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DDL of a dashboard table: a plain {@code MergeTree} {@code <t>_current} with the table's
 * ORDER BY and PARTITION BY, and the refreshable materialized view {@code <t>__kubecdc_refresh}
 * that replaces its rows every interval (no {@code APPEND}: each refresh fills a new table and
 * exchanges it in, so readers see the old rows or the new ones, never half). The view reads the
 * stable name with {@code FINAL WHERE _deleted = 0}, which holds both for generation 1's own table
 * and for the view over a later generation, so it keeps working across switches. Its columns are
 * listed, not {@code *}: a column the worker adds to the source table is then left out until the
 * operator has added it to {@code <t>_current} (a {@code *} would make every refresh fail in
 * between). Both carry a comment that names the pipeline, by which leftovers are found and dropped.
 */
public final class DashboardDdl {
  /** Suffix of the table dashboards read. */
  public static final String CURRENT = "_current";

  /** Suffix of the refreshable materialized view that fills it. */
  static final String REFRESH = "__kubecdc_refresh";

  private static final Map<Character, String> UNITS =
      Map.of('s', "SECOND", 'm', "MINUTE", 'h', "HOUR");

  private DashboardDdl() {}

  public static String target(String table) {
    return table + CURRENT;
  }

  public static String refreshView(String table) {
    return table + REFRESH;
  }

  /**
   * {@code 90s} -> {@code 90 SECOND}, {@code 1m} -> {@code 1 MINUTE}, {@code 2h} -> {@code 2 HOUR}.
   */
  public static String interval(String every) {
    if (every == null || !every.matches("[1-9][0-9]*[smh]")) {
      throw new IllegalArgumentException(
          "dashboardTable.refreshEvery: '" + every + "' is not a whole number with s, m or h");
    }
    return every.substring(0, every.length() - 1)
        + " "
        + UNITS.get(every.charAt(every.length() - 1));
  }

  public static String createTarget(
      TablePlan p, List<ColumnSpec> columns, String marker, String cluster) {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
    sql.append(name(p.database(), target(p.table()))).append(onCluster(cluster)).append(" (");
    for (ColumnSpec c : columns) {
      sql.append(SqlLiterals.identifier(c.name())).append(' ').append(c.type()).append(", ");
    }
    sql.append(SqlLiterals.identifier(TableLayout.VERSION)).append(" UInt64, ");
    sql.append(SqlLiterals.identifier(TableLayout.DELETED)).append(" UInt8) ENGINE = MergeTree");
    if (p.partitionBy() != null && !p.partitionBy().isBlank()) {
      sql.append(" PARTITION BY ").append(p.partitionBy());
    }
    sql.append(" ORDER BY (").append(identifiers(p.orderBy())).append(')');
    if (columns.stream()
        .anyMatch(c -> p.orderBy().contains(c.name()) && c.type().startsWith("Nullable("))) {
      sql.append(" SETTINGS allow_nullable_key = 1");
    }
    return sql.append(" COMMENT ").append(SqlLiterals.quote(marker)).toString();
  }

  public static String createRefresh(
      TablePlan p, List<ColumnSpec> columns, String every, String marker, String cluster) {
    return "CREATE MATERIALIZED VIEW IF NOT EXISTS "
        + name(p.database(), refreshView(p.table()))
        + onCluster(cluster)
        + " REFRESH EVERY "
        + interval(every)
        + " TO "
        + name(p.database(), target(p.table()))
        + " AS "
        + select(p, columns)
        + " COMMENT "
        + SqlLiterals.quote(marker);
  }

  /** The view's query with {@code columns}, after the table gained, lost or changed columns. */
  public static String modifyQuery(TablePlan p, List<ColumnSpec> columns, String cluster) {
    return alter(p.database(), refreshView(p.table()), cluster)
        + " MODIFY QUERY "
        + select(p, columns);
  }

  public static String modifyRefresh(TablePlan p, String every, String cluster) {
    return alter(p.database(), refreshView(p.table()), cluster)
        + " MODIFY REFRESH EVERY "
        + interval(every);
  }

  /**
   * Brings {@code <t>_current}'s data columns ({@code existing}) to {@code wanted}: adds, retypes
   * and drops, in one ALTER; empty when they already agree.
   */
  public static List<String> alignColumns(
      TablePlan p, List<ColumnSpec> existing, List<ColumnSpec> wanted, String cluster) {
    Map<String, String> have =
        existing.stream().collect(Collectors.toMap(ColumnSpec::name, ColumnSpec::type));
    List<String> names = wanted.stream().map(ColumnSpec::name).toList();
    List<String> actions = new ArrayList<>();
    String after = null;
    for (ColumnSpec c : wanted) {
      String column = SqlLiterals.identifier(c.name()) + " " + c.type();
      if (!have.containsKey(c.name())) {
        actions.add(
            "ADD COLUMN "
                + column
                + (after == null ? " FIRST" : " AFTER " + SqlLiterals.identifier(after)));
      } else if (!have.get(c.name()).equals(c.type())) {
        actions.add("MODIFY COLUMN " + column);
      }
      after = c.name();
    }
    existing.stream()
        .filter(c -> !names.contains(c.name()))
        .forEach(c -> actions.add("DROP COLUMN " + SqlLiterals.identifier(c.name())));
    if (actions.isEmpty()) {
      return List.of();
    }
    return List.of(
        alter(p.database(), target(p.table()), cluster) + " " + String.join(", ", actions));
  }

  /** Asks for a refresh now (on the server the operator talks to), after a change of columns. */
  public static String refreshNow(String database, String table) {
    return "SYSTEM REFRESH VIEW " + name(database, refreshView(table));
  }

  private static String select(TablePlan p, List<ColumnSpec> columns) {
    List<String> names = new ArrayList<>(columns.stream().map(ColumnSpec::name).toList());
    names.add(TableLayout.VERSION);
    names.add(TableLayout.DELETED);
    return "SELECT "
        + identifiers(names)
        + " FROM "
        + name(p.database(), p.table())
        + " FINAL WHERE "
        + SqlLiterals.identifier(TableLayout.DELETED)
        + " = 0";
  }

  private static String alter(String database, String table, String cluster) {
    return "ALTER TABLE " + name(database, table) + onCluster(cluster);
  }

  private static String identifiers(List<String> names) {
    return names.stream().map(SqlLiterals::identifier).collect(Collectors.joining(", "));
  }

  private static String name(String database, String table) {
    return TableDdl.qualified(database, table);
  }

  private static String onCluster(String cluster) {
    return TableDdl.onCluster(cluster);
  }
}
