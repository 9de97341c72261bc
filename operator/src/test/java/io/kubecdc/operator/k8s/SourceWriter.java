package io.kubecdc.operator.k8s;

import io.kubecdc.stack.StackEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the source tables {@code customers (id, name)} and {@code orders (id, total)} of a schema
 * all the time, as an application in a busy environment does: each {@link #write} inserts one row
 * into each and renames customer 1, in one transaction. Called from a scheduler until {@link
 * #stop}; a failed write is counted, not thrown, so that the test sees it in {@link #failures}.
 */
final class SourceWriter implements AutoCloseable {
  private final StackEndpoints stack;
  private final String schema;
  private Connection connection;
  private int written;
  private int failures;
  private boolean stopped;

  SourceWriter(StackEndpoints stack, String schema) {
    this.stack = stack;
    this.schema = schema;
  }

  synchronized void write() {
    if (stopped) {
      return;
    }
    int n = written + 1;
    try {
      Connection c = connection();
      c.createStatement()
          .execute(
              "BEGIN; INSERT INTO %1$s.customers VALUES (%2$d, 'c%2$d'); INSERT INTO %1$s.orders VALUES (%2$d, %2$d.25); UPDATE %1$s.customers SET name = 'Ada %2$d' WHERE id = 1; COMMIT"
                  .formatted(schema, 100 + n));
      written = n;
    } catch (SQLException e) {
      failures++;
      close();
    }
  }

  /** Transactions written so far. */
  synchronized int written() {
    return written;
  }

  synchronized int failures() {
    return failures;
  }

  synchronized void stop() {
    stopped = true;
  }

  /** The rows of a PostgreSQL query, each as its first column's text. */
  synchronized List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet r = connection().createStatement().executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection =
          DriverManager.getConnection(
              stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
    }
    return connection;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing a broken connection: nothing left to release
      }
      connection = null;
    }
  }
}
