package io.kubecdc.chfront.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The call sequence of the ClickHouse Kafka Connect sink on its legacy client (the one that bundles
 * clickhouse-jdbc 0.6.0 and was reported to hang on its first metadata query), on every
 * clickhouse-jdbc version that still has that client: ping, version, table list, column metadata
 * (of a missing table first), {@code DESCRIBE}, RowBinary, RowBinaryWithDefaults and JSONEachRow
 * inserts through piped chunked bodies, several tables on one client, concurrent tasks on
 * kept-alive connections. A hang fails through the timeout.
 */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaConnectSinkMatrixIT {
  private static final String COLUMNS =
      " (id UInt64, name String, amount Nullable(Int32)) ENGINE = MergeTree ORDER BY id";

  static Stream<OlderDrivers.Driver> drivers() {
    return OlderDrivers.of("clickhouse-jdbc")
        .filter(
            d ->
                d.loader().getResource("com/clickhouse/client/http/ClickHouseHttpClient.class")
                    != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldDescribeAndFillSeveralTablesAsTheSinkDoes(OlderDrivers.Driver driver)
      throws Exception {
    String db = driver.database("sink");
    recreate(driver, db, "orders", "payments");
    try (SinkClient sink = open(driver, db, true)) {
      assertThat(sink.ping()).isTrue();
      assertThat(sink.version()).matches("\\d+\\.\\d+\\..*");
      sink.execute(
          "CREATE TABLE "
              + db
              + ".events (id UInt64, name String, amount Nullable(Int32),"
              + " source String DEFAULT 'kafka', seen DateTime DEFAULT now())"
              + " ENGINE = MergeTree ORDER BY id");

      // the metadata query reported to hang, for a table that does not exist yet
      assertThat(sink.columns(db, "not_there")).isEmpty();
      assertThat(sink.tables(db)).containsExactly("events:5", "orders:3", "payments:3");
      assertThat(sink.columns(db, "orders"))
          .containsExactly("id UInt64", "name String", "amount Nullable(Int32)");
      assertThat(sink.describe(db, "events"))
          .hasSizeGreaterThanOrEqualTo(5)
          .anySatisfy(
              row ->
                  assertThat(row)
                      .contains("\"name\":\"source\"")
                      .contains("\"default_type\":\"DEFAULT\""));

      assertThat(sink.insertRowBinary(db + ".orders", 1, 1000, false)).isEqualTo(1000);
      assertThat(sink.insertRowBinary(db + ".payments", 1, 3, false)).isEqualTo(3);
      assertThat(
              sink.insertJson(
                  db + ".events",
                  List.of(
                      "{\"id\":1,\"name\":\"json-1-é\",\"amount\":7}\n",
                      "{\"id\":2,\"name\":\"json-2\",\"amount\":null}\n")))
          .isEqualTo(2);
      assertThat(sink.insertRowBinary(db + ".events", 3, 2, true)).isEqualTo(2);

      assertThat(
              sink.query("SELECT count(), sum(id), countIf(amount IS NULL) FROM " + db + ".orders"))
          .containsExactly("1000|500500|500");
      assertThat(
              sink.query(
                  "SELECT id, name, ifNull(toString(amount), 'NULL') FROM "
                      + db
                      + ".payments ORDER BY id"))
          .containsExactly("1|name-1-é|1", "2|name-2-é|NULL", "3|name-3-é|3");
      assertThat(
              sink.query(
                  "SELECT id, name, ifNull(toString(amount), 'NULL'), source, seen > 0 FROM "
                      + db
                      + ".events ORDER BY id"))
          .containsExactly(
              "1|json-1-é|7|kafka|1",
              "2|json-2|NULL|kafka|1",
              "3|name-3-é|3|kafka|1",
              "4|name-4-é|NULL|kafka|1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drivers")
  void shouldServeConcurrentSinkTasksOnKeptAliveConnections(OlderDrivers.Driver driver)
      throws Exception {
    String db = driver.database("sinkload");
    String[] tables = new String[MixedLoad.THREADS];
    for (int t = 0; t < tables.length; t++) {
      tables[t] = "topic" + t;
    }
    recreate(driver, db, tables);
    int rounds = 5;
    MixedLoad.run(
        thread -> {
          // one client per task for all its calls, so its connections are kept alive and reused
          try (SinkClient sink = open(driver, db, false)) {
            String table = tables[thread];
            long total = 0;
            for (int round = 0; round < rounds; round++) {
              assertThat(sink.columns(db, "missing" + thread)).isEmpty();
              assertThat(sink.columns(db, table)).hasSize(3);
              assertThat(sink.describe(db, table)).isNotEmpty();
              int rows = MixedLoad.rows(thread, round) + 1; // 1 to 40,001 rows
              assertThat(sink.insertRowBinary(db + "." + table, (int) total + 1, rows, false))
                  .as("round %d of task %d", round, thread)
                  .isEqualTo(rows);
              total += rows;
            }
            assertThat(sink.query("SELECT count(), uniqExact(id) FROM " + db + "." + table))
                .containsExactly(total + "|" + total);
          }
        });
  }

  /** The sink's client for {@code database}, the database of its connection URL. */
  private static SinkClient open(OlderDrivers.Driver driver, String database, boolean clientPerCall)
      throws ReflectiveOperationException {
    return OlderDrivers.instantiate(
        driver,
        SinkClient.class,
        LegacySinkClient.class,
        SharedFront.url() + "/" + database,
        clientPerCall);
  }

  /** A fresh database {@code db} with the tables, made through the {@code default} database. */
  private static void recreate(OlderDrivers.Driver driver, String db, String... tables)
      throws Exception {
    try (SinkClient admin = open(driver, "default", true)) {
      admin.execute("DROP DATABASE IF EXISTS " + db);
      admin.execute("CREATE DATABASE " + db);
      for (String table : tables) {
        admin.execute("CREATE TABLE " + db + "." + table + COLUMNS);
      }
    }
  }
}
