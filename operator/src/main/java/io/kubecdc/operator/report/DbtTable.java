package io.kubecdc.operator.report;

import java.util.List;

/**
 * One ClickHouse table of a pipeline as dbt should see it.
 *
 * @param name the name readers use (the stable name in the pipeline's database)
 * @param sourceTable the PostgreSQL table it copies, {@code schema.table}
 * @param engine the ClickHouse engine when known ({@code ReplacingMergeTree}, {@code View}), else
 *     null
 * @param columns in table order, with their ClickHouse types; empty when not known
 */
public record DbtTable(String name, String sourceTable, String engine, List<Column> columns) {
  public DbtTable {
    columns = List.copyOf(columns);
  }

  /** A column and its ClickHouse type, e.g. {@code amount Decimal(10, 2)}. */
  public record Column(String name, String type) {}
}
