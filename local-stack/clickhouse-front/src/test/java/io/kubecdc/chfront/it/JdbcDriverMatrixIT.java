package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every clickhouse-jdbc line from 0.6 to the current release, with its default settings (which ask
 * for LZ4-compressed responses), against the front. A hang fails the test through the timeout
 * instead of blocking the build.
 */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcDriverMatrixIT {

  static Stream<OlderDrivers.Driver> drivers() {
    return OlderDrivers.of("clickhouse-jdbc");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldReadBackWhatItWroteAndDescribeTheTable(OlderDrivers.Driver driver) throws Exception {
    String db = driver.database("jdbc");
    try (Connection c = connect(driver)) {
      execute(c, "DROP DATABASE IF EXISTS " + db);
      execute(c, "CREATE DATABASE " + db);
      execute(
          c,
          "CREATE TABLE "
              + db
              + ".payments (id UInt64, name String, amount Decimal(18, 4))"
              + " ENGINE = MergeTree ORDER BY id");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO " + db + ".payments VALUES (?, ?, ?)")) {
        for (int id = 1; id <= 3; id++) {
          ps.setLong(1, id);
          ps.setString(2, "customer-" + id + "-é");
          ps.setBigDecimal(3, new BigDecimal(id + ".125"));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      List<String> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + db + ".payments ORDER BY id")) {
        while (rs.next()) {
          rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3));
        }
      }
      assertThat(rows)
          .containsExactly(
              "1|customer-1-é|1.1250", "2|customer-2-é|2.1250", "3|customer-3-é|3.1250");

      DatabaseMetaData meta = c.getMetaData();
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, null, "payments", null)) {
        while (rs.next()) {
          // the legacy drivers report the database as catalog, the newer ones as schema
          if (db.equals(rs.getString("TABLE_CAT")) || db.equals(rs.getString("TABLE_SCHEM"))) {
            columns.add(rs.getString("COLUMN_NAME"));
          }
        }
      }
      assertThat(columns).containsExactly("id", "name", "amount");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldAnswerEmptyResults(OlderDrivers.Driver driver) throws Exception {
    try (Connection c = connect(driver)) {
      // the first query of the Kafka Connect sink that hung: a table that does not exist yet
      assertThat(
              count(
                  c,
                  "SELECT name, type FROM system.columns"
                      + " WHERE table = 'not_there' AND database = 'default'"))
          .isZero();
      assertThat(count(c, "SELECT number FROM numbers(10) WHERE number > 100")).isZero();
      assertThat(count(c, "SELECT 1")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldStreamResultsOfManyCompressedBlocks(OlderDrivers.Driver driver) throws Exception {
    int rows = 300_000; // about 5 MiB of RowBinary: several 1 MiB blocks
    try (Connection c = connect(driver);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT number, toString(number * 3) FROM numbers(" + rows + ") ORDER BY number")) {
      long n = 0;
      long sum = 0;
      while (rs.next()) {
        assertThat(rs.getLong(1)).isEqualTo(n);
        assertThat(rs.getString(2)).isEqualTo(Long.toString(n * 3));
        sum += rs.getLong(1);
        n++;
      }
      assertThat(n).isEqualTo(rows);
      assertThat(sum).isEqualTo((long) rows * (rows - 1) / 2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldServeManyQueriesOnKeptAliveConnectionsUnderLoad(OlderDrivers.Driver driver)
      throws Exception {
    MixedLoad.run(
        thread -> {
          try (Connection c = connect(driver)) {
            for (int i = 0; i < MixedLoad.QUERIES; i++) {
              int rows = MixedLoad.rows(thread, i);
              assertThat(count(c, "SELECT number FROM numbers(" + rows + ")"))
                  .as("query %d of thread %d", i, thread)
                  .isEqualTo(rows);
            }
          }
        });
  }

  /** The driver that the jar registers as its {@code java.sql.Driver} service, as DriverManager. */
  static Connection connect(OlderDrivers.Driver driver) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "default");
    props.setProperty("password", "");
    for (Driver d : ServiceLoader.load(Driver.class, driver.loader())) {
      if (d.getClass().getClassLoader() == driver.loader()
          && d.getClass().getName().startsWith("com.clickhouse")) {
        return d.connect("jdbc:clickhouse://127.0.0.1:" + SharedFront.port() + "/default", props);
      }
    }
    throw new IllegalStateException("no ClickHouse JDBC driver in " + driver);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      long n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }
}
