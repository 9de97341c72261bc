package io.kubecdc.sink.config;

import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;

/** One source table: the Debezium topic it arrives on and the ClickHouse table it lands in. */
public record TableConfig(
    String topic, String database, String table, List<String> keyColumns, List<Column> columns) {

  /** A data column as the operator mapped it from the source catalog. */
  public record Column(String name, String type) {}

  public TableConfig {
    keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /** The layout to create the table with; the running layout is read back from ClickHouse. */
  public TableLayout initialLayout() {
    return new TableLayout(
        database,
        table,
        keyColumns,
        columns.stream().map(c -> new ColumnSpec(c.name(), c.type())).toList());
  }

  public String qualifiedName() {
    return database + "." + table;
  }
}
