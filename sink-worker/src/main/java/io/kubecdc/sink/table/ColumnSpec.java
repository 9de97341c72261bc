package io.kubecdc.sink.table;

/**
 * One column of a target ClickHouse table: its name and ClickHouse type as ClickHouse spells it
 * ({@code Nullable(Decimal(12, 2))}, {@code DateTime64(6, 'UTC')}, {@code Array(Int32)}).
 */
public record ColumnSpec(String name, String type) {}
