package io.kubecdc.contract.types;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What will happen to every column of the source tables, known before the pipeline starts: the
 * operator runs it on the catalog to create the ClickHouse tables and to warn (in a condition)
 * about columns that will be excluded or changed by Debezium, instead of a user finding out in the
 * data.
 */
public final class SourceCatalogCheck {
  private SourceCatalogCheck() {}

  /** The report of one table. */
  public record TableReport(String table, List<String> keyColumns, List<ColumnMapping> columns) {
    public TableReport {
      keyColumns = List.copyOf(keyColumns);
      columns = List.copyOf(columns);
    }

    /** The ClickHouse data columns to create, in source order, excluded columns left out. */
    public Map<String, String> clickhouseColumns() {
      Map<String, String> m = new LinkedHashMap<>();
      columns.stream()
          .filter(c -> !c.excluded())
          .forEach(c -> m.put(c.column(), c.clickhouseType()));
      return m;
    }

    /**
     * Debezium's {@code column.exclude.list} entries (regular expressions) for excluded columns
     * that Debezium would otherwise publish with values from the snapshot only (generated columns,
     * {@code name}), so that the worker never sees them.
     */
    public List<String> connectorColumnExcludes() {
      return columns.stream()
          .filter(c -> c.excluded() && c.note().startsWith(CatalogTypeMapping.AT_CONNECTOR))
          .map(c -> java.util.regex.Pattern.quote(table + "." + c.column()))
          .toList();
    }

    /** One line per column a user should know about: {@code column (outcome): note}. */
    public List<String> warnings() {
      return columns.stream()
          .filter(ColumnMapping::warns)
          .map(c -> table + "." + c.column() + " (" + c.outcome() + "): " + c.note())
          .toList();
    }
  }

  /**
   * Maps the columns of one table.
   *
   * @param outOfRange per-column choice for date/time columns; absent columns get {@link
   *     OutOfRange#CLAMP}
   * @throws IllegalArgumentException for an override naming no temporal column, or {@code null} on
   *     a key column (ClickHouse keys cannot be Nullable)
   */
  public static TableReport check(
      String table,
      List<SourceColumn> columns,
      List<String> keyColumns,
      Map<String, OutOfRange> outOfRange) {
    Set<String> keys = Set.copyOf(keyColumns);
    List<ColumnMapping> mapped = new ArrayList<>();
    for (SourceColumn c : columns) {
      OutOfRange choice = outOfRange.getOrDefault(c.name(), OutOfRange.CLAMP);
      if (choice == OutOfRange.NULLIFY && keys.contains(c.name())) {
        throw new IllegalArgumentException(
            table + "." + c.name() + ": outOfRange nullify is not allowed on a key column");
      }
      mapped.add(CatalogTypeMapping.map(c, choice, keys.contains(c.name())));
    }
    for (String name : outOfRange.keySet()) {
      boolean temporal =
          columns.stream().anyMatch(c -> c.name().equals(name) && TEMPORAL.contains(c.typeName()));
      if (!temporal) {
        throw new IllegalArgumentException(
            table + "." + name + ": outOfRange applies to date, timestamp and timestamptz only");
      }
    }
    return new TableReport(table, keyColumns, mapped);
  }

  /** Reads the catalog of each {@code schema.table} and maps it, with no overrides. */
  public static List<TableReport> check(Connection pg, List<String> tables) throws SQLException {
    List<TableReport> reports = new ArrayList<>();
    for (String qualified : tables) {
      int dot = qualified.indexOf('.');
      String schema = qualified.substring(0, dot);
      String table = qualified.substring(dot + 1);
      reports.add(
          check(
              qualified,
              PgCatalogReader.columns(pg, schema, table),
              PgCatalogReader.primaryKey(pg, schema, table),
              Map.of()));
    }
    return reports;
  }

  private static final Set<String> TEMPORAL = Set.of("date", "timestamp", "timestamptz");
}
