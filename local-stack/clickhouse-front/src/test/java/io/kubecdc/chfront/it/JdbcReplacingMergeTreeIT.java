package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class JdbcReplacingMergeTreeIT {

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(
        "jdbc:clickhouse://127.0.0.1:" + SharedFront.port() + "/", new Properties());
  }

  @Test
  void shouldKeepTheNewestVersionAndDropDeletedRowsWithFinal() throws Exception {
    try (Connection conn = connect();
        Statement st = conn.createStatement()) {
      st.execute("CREATE DATABASE IF NOT EXISTS jdbc_it");
      st.execute(
          "CREATE TABLE jdbc_it.customers (id UInt64, name String, balance Decimal(38, 9),"
              + " updated_at DateTime64(6, 'UTC'), _version UInt64, _deleted UInt8)"
              + " ENGINE = ReplacingMergeTree(_version, _deleted) ORDER BY id");
      st.execute(
          "INSERT INTO jdbc_it.customers VALUES"
              + " (1, 'ann', 10.5, '2024-01-01 00:00:00.000001', 100, 0),"
              + " (2, 'bob', 20, '2024-01-01 00:00:00', 100, 0)");
      try (PreparedStatement ps =
          conn.prepareStatement(
              "INSERT INTO jdbc_it.customers (id, name, balance, updated_at, _version, _deleted)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        addRow(
            ps,
            1,
            "ann v2",
            new BigDecimal("12345678901234567890.123456789"),
            "2024-02-03T04:05:06.123456",
            200,
            0);
        addRow(ps, 2, "bob", new BigDecimal("20"), "2024-01-01T00:00:00", 300, 1);
        addRow(ps, 3, "cid", new BigDecimal("-0.000000001"), "1999-12-31T23:59:59.999999", 50, 0);
        assertThat(ps.executeBatch()).hasSize(3);
      }

      List<String> rows = new ArrayList<>();
      BigDecimal annBalance = null;
      Timestamp annUpdated = null;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT id, name, balance, updated_at FROM jdbc_it.customers FINAL ORDER BY id")) {
        while (rs.next()) {
          rows.add(
              rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getBigDecimal(3).toPlainString());
          if (rs.getLong(1) == 1) {
            annBalance = rs.getBigDecimal(3);
            annUpdated = rs.getTimestamp(4);
          }
        }
      }
      assertThat(rows)
          .containsExactly("1:ann v2:12345678901234567890.123456789", "3:cid:-0.000000001");
      assertThat(annBalance).isEqualByComparingTo("12345678901234567890.123456789");
      assertThat(annUpdated.toInstant()).isEqualTo(Instant.parse("2024-02-03T04:05:06.123456Z"));
      try (ResultSet rs =
          st.executeQuery(
              "SELECT toString(updated_at), toString(balance) FROM jdbc_it.customers FINAL"
                  + " WHERE id = 3")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("1999-12-31 23:59:59.999999");
        assertThat(rs.getString(2)).isEqualTo("-0.000000001");
      }
    }
  }

  private static void addRow(
      PreparedStatement ps,
      long id,
      String name,
      BigDecimal balance,
      String utc,
      long version,
      int deleted)
      throws Exception {
    ps.setLong(1, id);
    ps.setString(2, name);
    ps.setBigDecimal(3, balance);
    ps.setObject(4, LocalDateTime.parse(utc));
    ps.setLong(5, version);
    ps.setInt(6, deleted);
    ps.addBatch();
  }
}
