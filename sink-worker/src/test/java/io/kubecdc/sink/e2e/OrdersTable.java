package io.kubecdc.sink.e2e;

import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A realistic 15-column orders table, for the load tests and benchmarks. */
final class OrdersTable {
  static final String COLUMNS_SQL =
      "id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL, currency char(3),"
          + " subtotal numeric(12,2), tax numeric(12,2), total numeric(12,2), discount numeric(5,2),"
          + " items int, weight real, is_gift boolean, note text, created_at timestamptz NOT NULL,"
          + " updated_at timestamptz, ship_date date";
  static final String INSERT_SQL_SUFFIX = " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  private OrdersTable() {}

  static TargetTable target() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("id", "Int64");
    c.put("customer_id", "Int64");
    c.put("status", "String");
    c.put("currency", "Nullable(String)");
    c.put("subtotal", "Nullable(Decimal(12, 2))");
    c.put("tax", "Nullable(Decimal(12, 2))");
    c.put("total", "Nullable(Decimal(12, 2))");
    c.put("discount", "Nullable(Decimal(5, 2))");
    c.put("items", "Nullable(Int32)");
    c.put("weight", "Nullable(Float32)");
    c.put("is_gift", "Nullable(Bool)");
    c.put("note", "Nullable(String)");
    c.put("created_at", "DateTime64(6, 'UTC')");
    c.put("updated_at", "Nullable(DateTime64(6, 'UTC'))");
    c.put("ship_date", "Nullable(Date32)");
    return new TargetTable("orders", List.of("id"), c);
  }

  /** Binds the parameters of row {@code id} for INSERT_SQL_SUFFIX. */
  static void bind(PreparedStatement ps, long id) throws SQLException {
    BigDecimal subtotal = BigDecimal.valueOf(id * 7919 % 100_000, 2);
    BigDecimal tax =
        subtotal.multiply(new BigDecimal("0.19")).setScale(2, java.math.RoundingMode.HALF_UP);
    ps.setLong(1, id);
    ps.setLong(2, id % 10_007);
    ps.setString(3, id % 3 == 0 ? "paid" : "new");
    ps.setString(4, "EUR");
    ps.setBigDecimal(5, subtotal);
    ps.setBigDecimal(6, tax);
    ps.setBigDecimal(7, subtotal.add(tax));
    ps.setBigDecimal(8, id % 5 == 0 ? new BigDecimal("5.00") : null);
    ps.setInt(9, (int) (id % 12) + 1);
    ps.setFloat(10, (id % 1000) / 10f);
    ps.setBoolean(11, id % 17 == 0);
    ps.setString(12, id % 4 == 0 ? "leave at the door, ring twice" : null);
    Timestamp now = Timestamp.from(Instant.now());
    ps.setTimestamp(13, now);
    ps.setTimestamp(14, now);
    ps.setObject(15, LocalDate.of(2026, 1, 1).plusDays(id % 365));
  }
}
