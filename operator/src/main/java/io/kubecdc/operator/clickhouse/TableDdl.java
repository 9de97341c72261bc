package io.kubecdc.operator.clickhouse;

import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.Ddl;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The operator's DDL: the same table the sink-worker would create ({@code _version UInt64}, {@code
 * _deleted UInt8}, {@code ReplacingMergeTree(_version, _deleted)}, every identifier quoted the one
 * shared way), plus what only the spec knows: PARTITION BY, TTL, an ORDER BY override, and with a
 * cluster {@code ON CLUSTER} and the Replicated engine (replica path and name from the server's
 * {@code default_replica_path} and {@code default_replica_name}).
 */
public final class TableDdl {
  private TableDdl() {}

  public static String createDatabase(String database, String cluster) {
    return "CREATE DATABASE IF NOT EXISTS " + SqlLiterals.identifier(database) + onCluster(cluster);
  }

  public static String createTable(TablePlan p, String cluster) {
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
    sql.append(name(p)).append(onCluster(cluster)).append(" (");
    for (ColumnSpec c : p.columns()) {
      sql.append(SqlLiterals.identifier(c.name())).append(' ').append(c.type()).append(", ");
    }
    String version = SqlLiterals.identifier(TableLayout.VERSION);
    String deleted = SqlLiterals.identifier(TableLayout.DELETED);
    sql.append(version).append(" UInt64, ").append(deleted).append(" UInt8) ENGINE = ");
    sql.append(cluster == null ? "" : "Replicated").append("ReplacingMergeTree(");
    sql.append(version).append(", ").append(deleted).append(')');
    if (p.partitionBy() != null && !p.partitionBy().isBlank()) {
      sql.append(" PARTITION BY ").append(p.partitionBy());
    }
    sql.append(" ORDER BY (")
        .append(p.orderBy().stream().map(SqlLiterals::identifier).collect(Collectors.joining(", ")))
        .append(')');
    if (p.ttl() != null && !p.ttl().isBlank()) {
      sql.append(" TTL ").append(p.ttl());
    }
    if (nullableKey(p)) {
      // a table without primary key (REPLICA IDENTITY FULL) is ordered by every column, and
      // ClickHouse refuses a nullable sorting key unless told that NULLs may take part in it
      sql.append(" SETTINGS allow_nullable_key = 1");
    }
    return sql.toString();
  }

  /**
   * Adds source columns missing in ClickHouse after the table's last data column ({@code existing},
   * in table order), in order: the worker's schema-evolution statement, with {@code ON CLUSTER}.
   */
  public static String addColumns(
      TablePlan p, List<ColumnSpec> existing, List<ColumnSpec> missing, String cluster) {
    TableLayout layout = new TableLayout(p.database(), p.table(), p.orderBy(), existing);
    return Ddl.addColumns(layout, missing, onCluster(cluster));
  }

  public static String dropTable(String database, String table, String cluster) {
    return "DROP TABLE IF EXISTS "
        + SqlLiterals.identifier(database)
        + "."
        + SqlLiterals.identifier(table)
        + onCluster(cluster)
        + " SYNC";
  }

  private static boolean nullableKey(TablePlan p) {
    return p.columns().stream()
        .filter(c -> p.orderBy().contains(c.name()))
        .anyMatch(c -> c.type().startsWith("Nullable("));
  }

  private static String name(TablePlan p) {
    return SqlLiterals.identifier(p.database()) + "." + SqlLiterals.identifier(p.table());
  }

  static String qualified(String database, String table) {
    return SqlLiterals.identifier(database) + "." + SqlLiterals.identifier(table);
  }

  static String onCluster(String cluster) {
    return cluster == null ? "" : " ON CLUSTER " + SqlLiterals.identifier(cluster);
  }
}
