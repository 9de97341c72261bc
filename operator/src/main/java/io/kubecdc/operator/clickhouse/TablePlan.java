package io.kubecdc.operator.clickhouse;

import io.kubecdc.sink.table.ColumnSpec;
import java.util.List;

/**
 * One ClickHouse table the pipeline needs: its data columns (mapped from the source catalog by the
 * one type mapping), the ORDER BY (the source key unless the spec overrides it), and the optional
 * PARTITION BY and TTL expressions from the spec.
 */
public record TablePlan(
    String database,
    String table,
    List<ColumnSpec> columns,
    List<String> orderBy,
    String partitionBy,
    String ttl) {
  public TablePlan {
    columns = List.copyOf(columns);
    orderBy = List.copyOf(orderBy);
    if (orderBy.isEmpty()) {
      throw new IllegalArgumentException(
          database + "." + table + ": no ORDER BY columns (the source table needs a primary key)");
    }
  }
}
