package io.kubecdc.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source table, schema-qualified, as a pipeline names it: {@code public.orders}, or with
 * PostgreSQL's double quotes for parts that hold dots, spaces or upper case ({@code "Sales"."Order
 * Items"}, {@code ""} for a quote inside). A bare part is folded to lower case, as PostgreSQL does;
 * a quoted part is kept exactly.
 */
public record TableName(String schema, String table) {
  public TableName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    if (schema.isEmpty() || table.isEmpty()) {
      throw new IllegalArgumentException("schema and table must not be empty");
    }
  }

  /** Parses {@code schema.table}; the message of the exception says what is wrong. */
  public static TableName parse(String text) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i <= text.length()) {
      if (i < text.length() && text.charAt(i) == '"') {
        StringBuilder part = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= text.length()) {
            throw new IllegalArgumentException("unterminated quote in table name: " + text);
          }
          char c = text.charAt(j);
          if (c == '"' && j + 1 < text.length() && text.charAt(j + 1) == '"') {
            part.append('"');
            j += 2;
          } else if (c == '"') {
            j++;
            break;
          } else {
            part.append(c);
            j++;
          }
        }
        parts.add(part.toString());
        i = j;
      } else {
        int dot = text.indexOf('.', i);
        int end = dot < 0 ? text.length() : dot;
        String bare = text.substring(i, end);
        if (bare.isEmpty() || bare.contains("\"") || bare.isBlank()) {
          throw new IllegalArgumentException("expected schema.table, got: " + text);
        }
        parts.add(bare.toLowerCase(java.util.Locale.ROOT));
        i = end;
      }
      if (i == text.length()) {
        break;
      }
      if (text.charAt(i) != '.') {
        throw new IllegalArgumentException("expected '.' after a quoted part in: " + text);
      }
      i++;
    }
    if (parts.size() != 2) {
      throw new IllegalArgumentException("expected schema.table, got: " + text);
    }
    return new TableName(parts.get(0), parts.get(1));
  }

  /** The name quoted for PostgreSQL SQL: {@code "schema"."table"}. */
  public String quoted() {
    return quote(schema) + "." + quote(table);
  }

  /** A PostgreSQL identifier in double quotes. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code schema.table} unquoted, as Debezium and people write it. */
  @Override
  public String toString() {
    return schema + "." + table;
  }
}
