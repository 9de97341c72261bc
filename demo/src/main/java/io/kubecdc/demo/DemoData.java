package io.kubecdc.demo;

import io.kubecdc.stack.StackEndpoints;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

/** The demo's rows: the source table, the changes applied to it, the comparison of both ends. */
final class DemoData {
  private final StackEndpoints ep;
  private final Random random = new Random(42);
  private boolean couponAdded;

  DemoData(StackEndpoints ep) {
    this.ep = ep;
  }

  void createSource(int rows) throws SQLException {
    try (Connection pg = postgres(ep)) {
      exec(
          pg,
          "DROP TABLE IF EXISTS public.orders",
          "CREATE TABLE public.orders (id bigint PRIMARY KEY, customer text NOT NULL,"
              + " amount numeric(12,2), status text NOT NULL,"
              + " created_at timestamptz NOT NULL DEFAULT clock_timestamp())");
      insert(pg, 1, rows);
    }
  }

  /** Inserts, updates and deletes, with a column added halfway, as an application would. */
  void change(int inserts, int updates, int deletes) throws SQLException {
    try (Connection pg = postgres(ep)) {
      insert(pg, 1_000_001, inserts / 2);
      exec(pg, "ALTER TABLE public.orders ADD COLUMN coupon text");
      couponAdded = true;
      insert(pg, 2_000_001, inserts - inserts / 2);
      try (PreparedStatement ps =
          pg.prepareStatement(
              "UPDATE public.orders SET amount = amount + 1, status = 'paid', coupon = ? WHERE id = ?")) {
        for (int i = 0; i < updates; i++) {
          ps.setString(1, i % 3 == 0 ? "WELCOME10" : null);
          ps.setLong(2, 1 + random.nextInt(1_000));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      exec(
          pg,
          "DELETE FROM public.orders WHERE id IN (SELECT id FROM public.orders ORDER BY md5(id::text) LIMIT "
              + deletes
              + ")");
    }
  }

  private void insert(Connection pg, long firstId, int rows) throws SQLException {
    String columns =
        couponAdded ? "(id, customer, amount, status, coupon)" : "(id, customer, amount, status)";
    String values = couponAdded ? "(?, ?, ?, 'new', ?)" : "(?, ?, ?, 'new')";
    try (PreparedStatement ps =
        pg.prepareStatement("INSERT INTO public.orders " + columns + " VALUES " + values)) {
      for (int i = 0; i < rows; i++) {
        ps.setLong(1, firstId + i);
        ps.setString(2, "customer-" + random.nextInt(300));
        ps.setBigDecimal(3, BigDecimal.valueOf(random.nextInt(10_000_000), 2));
        if (couponAdded) {
          ps.setString(4, i % 4 == 0 ? "SPRING" : null);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Waits until ClickHouse (FINAL, live rows) equals PostgreSQL value for value. */
  boolean awaitEqual(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> source = sourceRows();
      try {
        if (source.equals(targetRows())) {
          return true;
        }
      } catch (SQLException tableOrColumnNotThereYet) {
        // the worker creates the table and adds the column as the events arrive
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(250);
    }
  }

  private List<String> sourceRows() throws SQLException {
    try (Connection pg = postgres(ep)) {
      return rows(
          pg,
          "SELECT id, customer, amount, status"
              + (couponAdded ? ", coupon" : "")
              + " FROM public.orders ORDER BY id");
    }
  }

  private List<String> targetRows() throws SQLException {
    try (Connection ch = clickhouse(ep)) {
      return rows(
          ch,
          "SELECT id, customer, amount, status"
              + (couponAdded ? ", coupon" : "")
              + " FROM demo.orders FINAL WHERE _deleted = 0 ORDER BY id");
    }
  }

  long targetCount() throws SQLException {
    try (Connection ch = clickhouse(ep)) {
      return Long.parseLong(scalar(ch, "SELECT count() FROM demo.orders FINAL WHERE _deleted = 0"));
    }
  }

  String targetSum() throws SQLException {
    try (Connection ch = clickhouse(ep)) {
      return scalar(ch, "SELECT toString(sum(amount)) FROM demo.orders FINAL WHERE _deleted = 0");
    }
  }

  String targetColumnType(String column) throws SQLException {
    try (Connection ch = clickhouse(ep)) {
      List<String> t =
          rows(
              ch,
              "SELECT type FROM system.columns WHERE database = 'demo' AND table = 'orders' AND name = '"
                  + column
                  + "'");
      return t.isEmpty() ? "(none)" : column + " " + t.get(0).replace("|", "");
    }
  }

  /** Rows as text, decimals without trailing zeros, so both databases render alike. */
  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.append(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v)
              .append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static String scalar(Connection c, String sql) throws SQLException {
    String row = rows(c, sql).get(0);
    return row.substring(0, row.length() - 1);
  }

  private static void exec(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static Connection postgres(StackEndpoints ep) throws SQLException {
    return DriverManager.getConnection(
        ep.postgresJdbcUrl(), ep.postgresUser(), ep.postgresPassword());
  }

  static Connection clickhouse(StackEndpoints ep) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", ep.clickhouseUser());
    p.setProperty("password", ep.clickhousePassword());
    return DriverManager.getConnection("jdbc:clickhouse:" + ep.clickhouseUrl() + "/default", p);
  }
}
