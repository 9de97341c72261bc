package io.kubecdc.operator.core;

import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL against the local stack's PostgreSQL and ClickHouse, as a user would check a pipeline. */
public final class StackQueries {
  private final StackEndpoints stack;

  public StackQueries(StackEndpoints stack) {
    this.stack = stack;
  }

  /** Runs one PostgreSQL statement as the stack's superuser. */
  public void pg(String sql) throws SQLException {
    try (Connection c = connect()) {
      c.createStatement().execute(sql);
    }
  }

  /** {@code SELECT count(*) FROM <from>} in PostgreSQL. */
  public int count(String from) throws SQLException {
    try (Connection c = connect();
        ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + from)) {
      r.next();
      return r.getInt(1);
    }
  }

  /** A ClickHouse client with the stack's credentials; the caller closes it. */
  public ClientV2Gateway clickhouse() {
    return io.kubecdc.operator.clickhouse.ClickHouseClients.open(
        stack.clickhouseUrl(), stack.clickhouseUser(), stack.clickhousePassword());
  }

  /** The rows of a ClickHouse query, each as its values joined by {@code |}. */
  public static List<String> rows(ClientV2Gateway ch, String sql) {
    List<String> out = new ArrayList<>();
    for (var row : ch.select(sql)) {
      out.add(String.join("|", row.values().stream().map(String::valueOf).toList()));
    }
    return out;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
  }
}
