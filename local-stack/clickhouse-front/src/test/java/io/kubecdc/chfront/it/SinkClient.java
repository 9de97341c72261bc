package io.kubecdc.chfront.it;

import java.util.List;

/**
 * What the ClickHouse Kafka Connect sink asks of ClickHouse through the legacy (v1) Java client,
 * call for call. Public and made of JDK types only, because each driver version implements it in a
 * class loader of its own ({@link LegacySinkClient}).
 */
public interface SinkClient extends AutoCloseable {
  /** {@code GET /ping}, as the sink's start does before anything else. */
  boolean ping();

  /** {@code SELECT VERSION()}. */
  String version() throws Exception;

  /** The sink's table list: {@code table:columns} per table of the database, sorted. */
  List<String> tables(String database) throws Exception;

  /**
   * {@code SELECT name, type FROM system.columns WHERE table = ... AND database = ...} in
   * RowBinaryWithNamesAndTypes: the metadata query reported to hang. {@code name type} per column.
   */
  List<String> columns(String database, String table) throws Exception;

  /**
   * {@code DESCRIBE TABLE} in JSONEachRow with {@code describe_include_subcolumns}: one JSON row
   * each.
   */
  List<String> describe(String database, String table) throws Exception;

  /** A statement without a result (DDL). */
  void execute(String sql) throws Exception;

  /** A query in RowBinaryWithNamesAndTypes: each row's values as strings, joined by {@code |}. */
  List<String> query(String sql) throws Exception;

  /**
   * The sink's RowBinary insert through a piped stream of rows {@code (id UInt64, name String,
   * amount Nullable(Int32))}: ids {@code from} to {@code from + count - 1}, name {@code
   * name-<id>-é}, amount the id, NULL for even ids. {@code withDefaults}: RowBinaryWithDefaults, as
   * the sink writes tables with defaults, into a table with two more columns left to their
   * defaults. Returns the written rows of the summary.
   */
  long insertRowBinary(String table, int from, int count, boolean withDefaults) throws Exception;

  /** The sink's JSONEachRow insert through a piped stream (tables with defaults); written rows. */
  long insertJson(String table, List<String> rows) throws Exception;
}
