package io.kubecdc.sink.table;

import io.kubecdc.sink.clickhouse.SqlLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** ClickHouse DDL for target tables; every identifier is backquoted. */
public final class Ddl {
  private Ddl() {}

  /**
   * {@code CREATE TABLE IF NOT EXISTS} with the data columns, {@code _version UInt64}, {@code
   * _deleted UInt8}, {@code ENGINE = ReplacingMergeTree(_version, _deleted) ORDER BY (keys)}.
   *
   * @throws IllegalArgumentException without key columns: a ReplacingMergeTree ordered by nothing
   *     would collapse the whole table into one row
   */
  public static String createTable(TableLayout layout) {
    if (layout.keyColumns().isEmpty()) {
      throw new IllegalArgumentException(
          layout.qualifiedName() + " has no key columns: the source table needs a primary key");
    }
    StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
    sql.append(layout.qualifiedName()).append(" (");
    for (ColumnSpec c : layout.columns()) {
      sql.append(SqlLiterals.identifier(c.name())).append(' ').append(c.type()).append(", ");
    }
    sql.append(SqlLiterals.identifier(TableLayout.VERSION)).append(" UInt64, ");
    sql.append(SqlLiterals.identifier(TableLayout.DELETED))
        .append(" UInt8) ENGINE = ReplacingMergeTree(");
    sql.append(SqlLiterals.identifier(TableLayout.VERSION))
        .append(", ")
        .append(SqlLiterals.identifier(TableLayout.DELETED));
    sql.append(") ORDER BY (");
    sql.append(
        layout.keyColumns().stream()
            .map(SqlLiterals::identifier)
            .collect(Collectors.joining(", ")));
    return sql.append(')').toString();
  }

  /**
   * {@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS ...} for each column, before {@code _version}:
   * after the last data column of {@code layout} (which may or may not hold them already), in
   * order.
   */
  public static String addColumns(TableLayout layout, List<ColumnSpec> added) {
    return addColumns(layout, added, "");
  }

  /**
   * The same, with a clause after the table name: the operator's {@code ON CLUSTER `c`} (the
   * worker's own schema evolution on a replicated table needs none, ALTERs replicate).
   */
  public static String addColumns(TableLayout layout, List<ColumnSpec> added, String afterName) {
    if (added.isEmpty()) {
      throw new IllegalArgumentException("no columns to add to " + layout.qualifiedName());
    }
    List<String> addedNames = added.stream().map(ColumnSpec::name).toList();
    String previous = null;
    for (ColumnSpec c : layout.columns()) {
      if (!addedNames.contains(c.name())) {
        previous = c.name();
      }
    }
    List<String> clauses = new ArrayList<>();
    for (ColumnSpec c : added) {
      String position = previous == null ? " FIRST" : " AFTER " + SqlLiterals.identifier(previous);
      clauses.add(
          "ADD COLUMN IF NOT EXISTS "
              + SqlLiterals.identifier(c.name())
              + ' '
              + c.type()
              + position);
      previous = c.name();
    }
    return "ALTER TABLE " + layout.qualifiedName() + afterName + ' ' + String.join(", ", clauses);
  }

  /**
   * {@code ALTER TABLE ... MODIFY COLUMN `c` T, ...}: each column to its new type (a widening,
   * {@link io.kubecdc.contract.types.TypeWidening}), which ClickHouse converts the stored values
   * to.
   */
  public static String modifyColumns(TableLayout layout, List<ColumnSpec> changed) {
    if (changed.isEmpty()) {
      throw new IllegalArgumentException("no columns to modify in " + layout.qualifiedName());
    }
    return "ALTER TABLE "
        + layout.qualifiedName()
        + ' '
        + changed.stream()
            .map(c -> "MODIFY COLUMN " + SqlLiterals.identifier(c.name()) + ' ' + c.type())
            .collect(Collectors.joining(", "));
  }

  /** The statement whose rows (name, type, ...) {@link #layoutOf} reads. */
  public static String describe(String database, String table) {
    return "DESCRIBE TABLE "
        + SqlLiterals.identifier(database)
        + '.'
        + SqlLiterals.identifier(table);
  }

  /**
   * The layout of an existing table from its {@code DESCRIBE TABLE} columns (name and type, in
   * table order), without the bookkeeping columns.
   */
  public static TableLayout layoutOf(
      String database, String table, List<String> keyColumns, List<ColumnSpec> described) {
    List<ColumnSpec> data =
        described.stream()
            .filter(
                c -> !c.name().equals(TableLayout.VERSION) && !c.name().equals(TableLayout.DELETED))
            .toList();
    return new TableLayout(database, table, keyColumns, data);
  }
}
