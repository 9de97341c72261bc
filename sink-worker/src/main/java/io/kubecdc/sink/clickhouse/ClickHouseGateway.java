package io.kubecdc.sink.clickhouse;

import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What the sink does with ClickHouse. Every method throws {@link ClickHouseUnavailableException}
 * when ClickHouse cannot be reached or is overloaded (retry later), and {@link
 * ClickHouseRejectedException} when it refuses the statement or the data itself.
 */
public interface ClickHouseGateway extends AutoCloseable {
  /** Writes a RowBinary body. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  void execute(String sql);

  /** The data columns of a table in table order, without {@code _version} and {@code _deleted}. */
  List<ColumnSpec> columns(String database, String table);

  /**
   * Inserts a RowBinary body into the layout's columns then {@code _version, _deleted}, and waits
   * for the acknowledgement. Returns the rows written as ClickHouse reports them.
   */
  long insert(TableLayout layout, Body body);

  /** Runs a SELECT; each row maps column name to value. */
  List<Map<String, Object>> select(String sql);

  boolean ping();

  @Override
  void close();
}
