package io.kubecdc.sink.clickhouse;

import java.math.BigDecimal;
import java.math.BigInteger;

/** ClickHouse SQL literals and identifiers for the few statements the sink builds itself. */
public final class SqlLiterals {
  private SqlLiterals() {}

  public static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * The one way the worker writes a ClickHouse identifier (database, table, column): backquoted,
   * with backslash and backquote escaped by a backslash, as ClickHouse's lexer reads quoted
   * identifiers. Every name PostgreSQL accepts (spaces, mixed case, reserved words, dots, quotes,
   * non-ASCII letters, a digit first) is kept exactly: the target table is named as the source.
   */
  public static String identifier(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
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
