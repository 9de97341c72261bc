package io.kubecdc.sink.config;

import io.kubecdc.contract.types.OutOfRange;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;

/**
 * One source table: the Debezium topic it arrives on and the ClickHouse table it lands in. {@code
 * droppedColumns} are source columns that no longer exist (dropped or renamed at the source):
 * events written before the change still carry them, and the worker leaves them out instead of
 * adding them to the table (the operator lists them for a generation rebuilt from the topics).
 */
public record TableConfig(
    String topic,
    String database,
    String table,
    List<String> keyColumns,
    List<Column> columns,
    List<String> droppedColumns) {
  public TableConfig(
      String topic, String database, String table, List<String> keyColumns, List<Column> columns) {
    this(topic, database, table, keyColumns, columns, List.of());
  }

  /**
   * A data column as the operator mapped it from the source catalog; {@code outOfRange} ({@code
   * clamp} when absent) says what a date or time column does with values its type cannot hold.
   */
  public record Column(String name, String type, String outOfRange) {
    public Column(String name, String type) {
      this(name, type, null);
    }

    /**
     * @throws IllegalArgumentException for a spelling the validator refuses
     */
    public OutOfRange outOfRangeChoice() {
      return outOfRange == null ? OutOfRange.CLAMP : OutOfRange.parse(outOfRange);
    }
  }

  public TableConfig {
    keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
    columns = columns == null ? List.of() : List.copyOf(columns);
    droppedColumns = droppedColumns == null ? List.of() : List.copyOf(droppedColumns);
  }

  /** The layout to create the table with; the running layout is read back from ClickHouse. */
  public TableLayout initialLayout() {
    return new TableLayout(
        database,
        table,
        keyColumns,
        columns.stream()
            .map(c -> new ColumnSpec(c.name(), c.type(), c.outOfRangeChoice()))
            .toList());
  }

  /**
   * The layout ClickHouse reports, with the config's out-of-range choices (ClickHouse has none).
   */
  public TableLayout withChoices(List<ColumnSpec> actual) {
    List<ColumnSpec> columns =
        actual.stream()
            .map(
                a ->
                    this.columns.stream()
                        .filter(c -> c.name().equals(a.name()))
                        .findFirst()
                        .map(c -> new ColumnSpec(a.name(), a.type(), c.outOfRangeChoice()))
                        .orElse(a))
            .toList();
    return new TableLayout(database, table, keyColumns, columns);
  }

  public String qualifiedName() {
    return database + "." + table;
  }
}
