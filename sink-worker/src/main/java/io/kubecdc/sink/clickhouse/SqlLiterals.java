package io.kubecdc.sink.clickhouse;

import java.math.BigDecimal;
import java.math.BigInteger;

/** ClickHouse SQL literals and identifiers for the few statements the sink builds itself. */
public final class SqlLiterals {
  private SqlLiterals() {}

  public static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A ClickHouse identifier, quoted the one way the operator and the worker share. */
  public static String identifier(String name) {
    return io.kubecdc.contract.ClickHouseIdentifiers.quote(name);
  }

  /**
   * A key value as a literal: numbers as they are, booleans as 0/1, everything else (strings,
   * UUIDs, dates) as a quoted string that ClickHouse converts to the column type.
   */
  public static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    return quote(value.toString());
  }
}
