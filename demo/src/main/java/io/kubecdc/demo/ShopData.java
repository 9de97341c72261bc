package io.kubecdc.demo;

import io.kubecdc.stack.StackEndpoints;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

/**
 * The rows of the example pipeline {@code dev/shop}: schema {@code shop} with customers, orders and
 * order lines, the changes an application makes to them (a column added halfway), and the
 * comparison of both ends value for value: ClickHouse's live rows ({@code FINAL}, not deleted)
 * against PostgreSQL's, timestamps as epoch microseconds, decimals without trailing zeros.
 */
final class ShopData {
  private final StackEndpoints ep;
  private final Random random = new Random(42);
  private boolean couponAdded;

  ShopData(StackEndpoints ep) {
    this.ep = ep;
  }

  void createSource(int customers, int orders) throws SQLException {
    try (Connection pg = postgres(ep)) {
      exec(
          pg,
          "DROP SCHEMA IF EXISTS shop CASCADE",
          "CREATE SCHEMA shop",
          "CREATE TABLE shop.customers (id bigint PRIMARY KEY, name text NOT NULL, email text)",
          "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL,"
              + " amount numeric(12,2), status text NOT NULL,"
              + " created_at timestamptz NOT NULL DEFAULT clock_timestamp())",
          "CREATE TABLE shop.order_items (order_id bigint, line int, sku text NOT NULL,"
              + " qty int NOT NULL, PRIMARY KEY (order_id, line))",
          "INSERT INTO shop.customers SELECT g, 'customer-' || g, 'c' || g || '@example.com'"
              + " FROM generate_series(1, "
              + customers
              + ") g");
      insertOrders(pg, 1, orders, customers);
    }
  }

  /** Inserts, updates and deletes in every table, with a column added halfway. */
  void change(int inserts, int updates, int deletes) throws SQLException {
    try (Connection pg = postgres(ep)) {
      insertOrders(pg, 1_000_001, inserts / 2, 100);
      exec(pg, "ALTER TABLE shop.orders ADD COLUMN coupon text");
      couponAdded = true;
      insertOrders(pg, 2_000_001, inserts - inserts / 2, 100);
      try (PreparedStatement ps =
          pg.prepareStatement(
              "UPDATE shop.orders SET amount = amount + 1, status = 'paid', coupon = ? WHERE id = ?")) {
        for (int i = 0; i < updates; i++) {
          ps.setString(1, i % 3 == 0 ? "WELCOME10" : null);
          ps.setLong(2, 1 + random.nextInt(1_000));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      String victims = "SELECT id FROM shop.orders ORDER BY md5(id::text) LIMIT " + deletes;
      exec(
          pg,
          "UPDATE shop.customers SET email = NULL WHERE id % 7 = 0",
          "DELETE FROM shop.order_items WHERE order_id IN (" + victims + ")",
          "DELETE FROM shop.orders WHERE id IN (" + victims + ")");
    }
  }

  private void insertOrders(Connection pg, long firstId, int rows, int customers)
      throws SQLException {
    String sql =
        couponAdded
            ? "INSERT INTO shop.orders (id, customer_id, amount, status, coupon) VALUES (?, ?, ?, 'new', ?)"
            : "INSERT INTO shop.orders (id, customer_id, amount, status) VALUES (?, ?, ?, 'new')";
    try (PreparedStatement ps = pg.prepareStatement(sql);
        PreparedStatement lines =
            pg.prepareStatement("INSERT INTO shop.order_items VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        ps.setLong(1, firstId + i);
        ps.setLong(2, 1 + random.nextInt(customers));
        ps.setBigDecimal(3, BigDecimal.valueOf(random.nextInt(10_000_000), 2));
        if (couponAdded) {
          ps.setString(4, i % 4 == 0 ? "SPRING" : null);
        }
        ps.addBatch();
        for (int line = 1; line <= 1 + i % 3; line++) {
          lines.setLong(1, firstId + i);
          lines.setInt(2, line);
          lines.setString(3, "SKU-" + random.nextInt(500));
          lines.setInt(4, 1 + random.nextInt(5));
          lines.addBatch();
        }
      }
      ps.executeBatch();
      lines.executeBatch();
    }
  }

  /** Per table, the rows that differ between the two ends (empty lists: equal). */
  Map<String, List<String>> differences() throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var t : queries().entrySet()) {
      List<String> source;
      List<String> target;
      try (Connection pg = postgres(ep)) {
        source = rows(pg, t.getValue()[0]);
      }
      try (Connection ch = clickhouse(ep)) {
        target = rows(ch, t.getValue()[1]);
      }
      List<String> diff = new ArrayList<>(source);
      diff.removeAll(target);
      List<String> extra = new ArrayList<>(target);
      extra.removeAll(source);
      extra.forEach(r -> diff.add("only in ClickHouse: " + r));
      out.put(t.getKey() + " (" + source.size() + " rows)", diff);
    }
    return out;
  }

  /** Per table: the PostgreSQL query and the ClickHouse query of the same values. */
  private Map<String, String[]> queries() {
    String coupon = couponAdded ? ", coupon" : "";
    Map<String, String[]> q = new LinkedHashMap<>();
    q.put(
        "customers",
        new String[] {
          "SELECT id, name, email FROM shop.customers ORDER BY id",
          "SELECT id, name, email FROM shop.customers FINAL WHERE _deleted = 0 ORDER BY id"
        });
    q.put(
        "orders",
        new String[] {
          "SELECT id, customer_id, amount, status, (extract(epoch FROM created_at) * 1000000)::bigint"
              + coupon
              + " FROM shop.orders ORDER BY id",
          "SELECT id, customer_id, amount, status, toUnixTimestamp64Micro(created_at)"
              + coupon
              + " FROM shop.orders FINAL WHERE _deleted = 0 ORDER BY id"
        });
    q.put(
        "order_items",
        new String[] {
          "SELECT order_id, line, sku, qty FROM shop.order_items ORDER BY order_id, line",
          "SELECT order_id, line, sku, qty FROM shop.order_items FINAL WHERE _deleted = 0"
              + " ORDER BY order_id, line"
        });
    return q;
  }

  String clickhouseColumnType(String table, String column) throws SQLException {
    try (Connection ch = clickhouse(ep)) {
      List<String> t =
          rows(
              ch,
              "SELECT type FROM system.columns WHERE database = 'shop' AND table = '"
                  + table
                  + "' AND name = '"
                  + column
                  + "'");
      return t.isEmpty() ? "(none)" : t.get(0).replace("|", "");
    }
  }

  /** Rows as text, decimals without trailing zeros, so both databases render alike. */
  static List<String> rows(Connection c, String sql) throws SQLException {
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
