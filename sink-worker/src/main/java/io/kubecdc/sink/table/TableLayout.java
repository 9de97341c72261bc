package io.kubecdc.sink.table;

import io.kubecdc.sink.clickhouse.SqlLiterals;
import java.util.ArrayList;
import java.util.List;

/**
 * A target table: {@code database.table}, the source primary key columns (its ORDER BY) and the
 * data columns in table order. The bookkeeping columns {@code _version UInt64} and {@code _deleted
 * UInt8} are not listed: every table has them, last. Immutable; schema evolution makes a new layout
 * with {@link #withColumns}.
 */
public record TableLayout(
    String database, String table, List<String> keyColumns, List<ColumnSpec> columns) {
  public static final String VERSION = "_version";
  public static final String DELETED = "_deleted";

  public TableLayout {
    keyColumns = List.copyOf(keyColumns);
    columns = List.copyOf(columns);
  }

  /** The layout with {@code added} appended, in order. */
  public TableLayout withColumns(List<ColumnSpec> added) {
    List<ColumnSpec> all = new ArrayList<>(columns);
    all.addAll(added);
    return new TableLayout(database, table, keyColumns, all);
  }

  /** The layout with the types of {@code changed} (by name), in place. */
  public TableLayout withTypes(List<ColumnSpec> changed) {
    List<ColumnSpec> all = new ArrayList<>(columns);
    for (ColumnSpec c : changed) {
      all.set(indexOf(c.name()), c);
    }
    return new TableLayout(database, table, keyColumns, all);
  }

  /** Position of a data column, or -1. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  public String qualifiedName() {
    return SqlLiterals.identifier(database) + "." + SqlLiterals.identifier(table);
  }
}
