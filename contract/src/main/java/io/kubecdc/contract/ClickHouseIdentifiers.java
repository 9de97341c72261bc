package io.kubecdc.contract;

/**
 * The one way the operator and the sink-worker write a ClickHouse identifier (database, table,
 * column): backquoted, with backslash and backquote escaped by a backslash, as ClickHouse's lexer
 * reads quoted identifiers. Every name PostgreSQL accepts (spaces, mixed case, reserved words,
 * dots, quotes, non-ASCII letters, a digit first) is kept exactly: the target table is named as the
 * source.
 */
public final class ClickHouseIdentifiers {
  private ClickHouseIdentifiers() {}

  public static String quote(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }
}
