package io.kubecdc.sink.table;

import io.kubecdc.contract.types.OutOfRange;

/**
 * One column of a target ClickHouse table: its name and ClickHouse type as ClickHouse spells it
 * ({@code Nullable(Decimal(12, 2))}, {@code DateTime64(6, 'UTC')}, {@code Array(Int32)}), and what
 * happens to date and time values outside the type's range (ClickHouse does not store the choice:
 * it comes from the config).
 */
public record ColumnSpec(String name, String type, OutOfRange outOfRange) {
  public ColumnSpec(String name, String type) {
    this(name, type, OutOfRange.CLAMP);
  }

  public ColumnSpec {
    outOfRange = outOfRange == null ? OutOfRange.CLAMP : outOfRange;
  }
}
