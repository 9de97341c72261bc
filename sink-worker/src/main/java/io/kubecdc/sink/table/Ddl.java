package io.kubecdc.sink.table;

import java.util.List;

/**
 * ClickHouse DDL for target tables.
 *
 * <p>STUB: the encoder work replaces the bodies; the API is the contract with the runtime.
 */
public final class Ddl {
  private Ddl() {}

  /**
   * {@code CREATE TABLE IF NOT EXISTS} with the data columns, {@code _version UInt64}, {@code
   * _deleted UInt8}, {@code ENGINE = ReplacingMergeTree(_version, _deleted) ORDER BY (keys)}.
   */
  public static String createTable(TableLayout layout) {
    throw new UnsupportedOperationException("not written yet");
  }

  /**
   * {@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS ...} for each column, before {@code _version}.
   */
  public static String addColumns(TableLayout layout, List<ColumnSpec> added) {
    throw new UnsupportedOperationException("not written yet");
  }
}
