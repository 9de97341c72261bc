package io.kubecdc.operator.clickhouse;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ClickHouse side of checkpoint generations. Generation N of a table {@code <db>.<t>} writes
 * into {@code <db>.<t>_v<N>}; readers use the stable name {@code <db>.<t>}, a view over the live
 * generation's current rows. Generation 1 keeps the table it always had under the stable name, so
 * that a pipeline that is never bumped sees no change: at its first switch that table moves to
 * {@code <t>_v1} in the same {@code EXCHANGE} that puts the view in its place, which readers see as
 * one step. The live generation is read from ClickHouse itself (which table the view selects from),
 * not from the status, so a lost status or an operator restart cannot point readers elsewhere.
 */
public final class GenerationTables {
  /** Suffix of the view created beside a generation-1 table just before the two are exchanged. */
  static final String NEXT = "__kubecdc_next";

  private final ClickHouseGateway clickhouse;
  private final String cluster;

  public GenerationTables(ClickHouseGateway clickhouse, String cluster) {
    this.clickhouse = clickhouse;
    this.cluster = cluster;
  }

  /** The physical table of a generation: {@code <t>} for version 1, {@code <t>_v<N>} after. */
  public static String physical(String table, int version) {
    return version == 1 ? table : table + "_v" + version;
  }

  /** The same plan with the physical table name of {@code version}. */
  public static TablePlan forVersion(TablePlan p, int version) {
    return new TablePlan(
        p.database(),
        physical(p.table(), version),
        p.columns(),
        p.orderBy(),
        p.partitionBy(),
        p.ttl());
  }

  /**
   * The generation readers see under {@code <db>.<t>}: the version the view selects from, 1 when
   * the name is still generation 1's own table, empty when nothing has that name yet.
   */
  public OptionalInt live(String database, String table) {
    List<Map<String, Object>> rows =
        clickhouse.select(
            "SELECT engine, create_table_query FROM system.tables WHERE database = "
                + SqlLiterals.quote(database)
                + " AND name = "
                + SqlLiterals.quote(table));
    if (rows.isEmpty()) {
      return OptionalInt.empty();
    }
    if (!"View".equals(String.valueOf(rows.get(0).get("engine")))) {
      return OptionalInt.of(1);
    }
    Matcher m =
        Pattern.compile(Pattern.quote(table) + "_v(\\d+)`?\\s+FINAL")
            .matcher(String.valueOf(rows.get(0).get("create_table_query")));
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** The versions whose physical tables exist, by version (1 only when it moved to {@code _v1}). */
  public Map<Integer, String> versions(String database, String table) {
    Pattern own = Pattern.compile(Pattern.quote(table) + "_v(\\d+)");
    Map<Integer, String> out = new TreeMap<>();
    for (var row :
        clickhouse.select(
            "SELECT name FROM system.tables WHERE database = "
                + SqlLiterals.quote(database)
                + " AND startsWith(name, "
                + SqlLiterals.quote(table + "_")
                + ")")) {
      String name = String.valueOf(row.get("name"));
      Matcher m = own.matcher(name);
      if (m.matches()) {
        out.put(Integer.parseInt(m.group(1)), name);
      } else if (name.equals(table + NEXT)) {
        // a switch that stopped between EXCHANGE and RENAME left generation 1's table here
        out.putIfAbsent(1, name);
      }
    }
    return out;
  }

  /**
   * Points the stable name at {@code version}'s table: {@code CREATE OR REPLACE VIEW}, atomic for
   * readers in an Atomic database. When the stable name is still generation 1's table, the view is
   * created beside it and the two are exchanged, then the old table takes the name {@code <t>_v1}.
   */
  public void pointView(TablePlan plan, int version) {
    String select = select(plan, version);
    if (live(plan.database(), plan.table()).orElse(-1) == 1) {
      String next = plan.table() + NEXT;
      clickhouse.execute(
          "CREATE OR REPLACE VIEW " + name(plan.database(), next) + onCluster() + " AS " + select);
      clickhouse.execute(
          "EXCHANGE TABLES "
              + name(plan.database(), plan.table())
              + " AND "
              + name(plan.database(), next)
              + onCluster());
      clickhouse.execute(
          "RENAME TABLE "
              + name(plan.database(), next)
              + " TO "
              + name(plan.database(), physical(plan.table(), 1) + "_v1")
              + onCluster());
      return;
    }
    clickhouse.execute(
        "CREATE OR REPLACE VIEW "
            + name(plan.database(), plan.table())
            + onCluster()
            + " AS "
            + select);
  }

  /**
   * Once a generation after 1 is live, each table's stable name is a view over it: created for a
   * table added since, re-created when the table gained columns (a view's columns are fixed when it
   * is created).
   */
  public void ensureViews(List<TablePlan> plans, int live) {
    if (live == 1) {
      return;
    }
    for (TablePlan p : plans) {
      List<String> want = p.columns().stream().map(ColumnSpec::name).toList();
      boolean current =
          live(p.database(), p.table()).orElse(-1) == live
              && clickhouse.columns(p.database(), p.table()).stream()
                  .map(ColumnSpec::name)
                  .toList()
                  .equals(want);
      if (!current) {
        pointView(p, live);
      }
    }
  }

  /** Current rows of a generation's table: what the view would show, counted. */
  public long rows(TablePlan plan, int version) {
    var r =
        clickhouse.select(
            "SELECT count() AS c FROM "
                + name(plan.database(), livePhysical(plan, version))
                + " FINAL WHERE "
                + SqlLiterals.identifier(TableLayout.DELETED)
                + " = 0");
    return Long.parseLong(String.valueOf(r.get(0).get("c")));
  }

  /**
   * Current rows of the live generation {@code from} that the generation {@code to} lacks although
   * it should hold them: no current row of {@code to} under the same key (the plan's ORDER BY), and
   * their version is at most the newest snapshot read of {@code from} (snapshot reads have even
   * versions, {@code lsn * 2}). Asked once both generations have read everything up to the end of
   * the incremental snapshot that {@code to} is built from: every row that existed when the
   * snapshot read it, and every change before that read, has then reached both, so such a row is
   * not in flight but lost to the build (a read Debezium never emitted, or one the build dropped).
   * Rows changed later are left out: a later change of theirs reaches {@code to} like any write.
   */
  public long missing(TablePlan plan, int from, int to) {
    String keys =
        plan.orderBy().stream().map(SqlLiterals::identifier).collect(Collectors.joining(", "));
    String source = name(plan.database(), livePhysical(plan, from));
    String target = name(plan.database(), livePhysical(plan, to));
    String version = SqlLiterals.identifier(TableLayout.VERSION);
    var r =
        clickhouse.select(
            "SELECT count() AS c FROM "
                + source
                + " FINAL WHERE "
                + SqlLiterals.identifier(TableLayout.DELETED)
                + " = 0 AND "
                + version
                + " <= (SELECT max("
                + version
                + ") FROM "
                + source
                + " WHERE "
                + version
                + " % 2 = 0) AND ("
                + keys
                + ") NOT IN (SELECT "
                + keys
                + " FROM "
                + target
                + " FINAL WHERE "
                + SqlLiterals.identifier(TableLayout.DELETED)
                + " = 0)");
    return Long.parseLong(String.valueOf(r.get(0).get("c")));
  }

  public void drop(String database, String table) {
    clickhouse.execute(TableDdl.dropTable(database, table, cluster));
  }

  /** The column names of {@code database.table} in ClickHouse (none when it does not exist). */
  public List<String> columnNames(String database, String table) {
    return clickhouse.columns(database, table).stream().map(ColumnSpec::name).toList();
  }

  /**
   * The columns that generation {@code live}'s table of {@code plan} has and the source (the plan,
   * read from the catalog as it is now) no longer has: dropped or renamed at the source since that
   * generation was built.
   */
  public List<String> droppedColumns(TablePlan plan, int live) {
    java.util.Set<String> source = new java.util.HashSet<>();
    plan.columns().forEach(c -> source.add(c.name()));
    return columnNames(plan.database(), livePhysical(plan, live)).stream()
        .filter(n -> !source.contains(n))
        .toList();
  }

  /**
   * Generation 1's table under its current name: the stable name until the first switch, {@code
   * <t>_v1} after it.
   */
  public String livePhysical(TablePlan plan, int version) {
    if (version == 1 && live(plan.database(), plan.table()).orElse(-1) != 1) {
      return physical(plan.table(), 1) + "_v1";
    }
    return physical(plan.table(), version);
  }

  private String select(TablePlan plan, int version) {
    String columns =
        plan.columns().stream()
            .map(ColumnSpec::name)
            .map(SqlLiterals::identifier)
            .collect(Collectors.joining(", "));
    // _version and _deleted (always 0) stay, so that a query written for generation 1's table
    // (FINAL, WHERE _deleted = 0) keeps working on the view
    return "SELECT "
        + columns
        + ", "
        + SqlLiterals.identifier(TableLayout.VERSION)
        + ", "
        + SqlLiterals.identifier(TableLayout.DELETED)
        + " FROM "
        + name(plan.database(), livePhysical(plan, version))
        + " FINAL WHERE "
        + SqlLiterals.identifier(TableLayout.DELETED)
        + " = 0";
  }

  private String onCluster() {
    return cluster == null ? "" : " ON CLUSTER " + SqlLiterals.identifier(cluster);
  }

  private static String name(String database, String table) {
    return SqlLiterals.identifier(database) + "." + SqlLiterals.identifier(table);
  }
}
