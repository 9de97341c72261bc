package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.contract.EventShape;
import io.kubecdc.contract.TopicNames;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that need quoting, in the schema, the table, the key and the columns, through the whole
 * chain: snapshot, insert, update with an unchanged TOASTed value, delete, a column added with such
 * a name, truncate. The ClickHouse database and table keep the source names exactly; the topic is
 * Debezium's sanitized name.
 */
@LocalStackTest
class IdentifiersE2EIT {
  static final String SCHEMA = "Shop Ä.1";
  static final String TABLE = "1st \"order\" 名前 🛒";
  static final String DATABASE = "Ziel DB `x` größe";
  static final String KEY = "Order ID";
  static final String ADDED = "neu größe `x`.€";

  @TempDir Path dir;

  /** PostgreSQL column -> PostgreSQL type, ClickHouse type. */
  private static final Map<String, String[]> COLUMNS = columns();

  private static Map<String, String[]> columns() {
    Map<String, String[]> c = new LinkedHashMap<>();
    c.put(KEY, new String[] {"bigint PRIMARY KEY", "Int64"});
    c.put("select", new String[] {"text", "Nullable(String)"});
    c.put("from", new String[] {"integer", "Nullable(Int32)"});
    c.put("prix_€", new String[] {"numeric(10,2)", "Nullable(Decimal(10, 2))"});
    c.put("größe", new String[] {"text", "Nullable(String)"});
    c.put("名前", new String[] {"text", "Nullable(String)"});
    c.put("a.b", new String[] {"text", "Nullable(String)"});
    c.put("back`tick\\slash 'q' \"dq\"", new String[] {"text", "Nullable(String)"});
    c.put("2nd", new String[] {"integer", "Nullable(Int32)"});
    c.put("Long Text", new String[] {"text", "Nullable(String)"});
    return c;
  }

  @Test
  void shouldCarryNamesThatNeedQuotingEndToEnd(StackEndpoints stack) throws Exception {
    CdcFixture f = new CdcFixture(stack, dir);
    String source = pg(SCHEMA) + "." + pg(TABLE);
    try {
      f.pg(
          "CREATE SCHEMA " + pg(SCHEMA),
          "CREATE TABLE "
              + source
              + " ("
              + COLUMNS.entrySet().stream()
                  .map(e -> pg(e.getKey()) + " " + e.getValue()[0])
                  .collect(Collectors.joining(", "))
              + ")",
          "ALTER TABLE " + source + " ALTER COLUMN " + pg("Long Text") + " SET STORAGE EXTERNAL",
          insert(1, "a", randomHex(20_000)),
          insert(2, "b", "short"));
      f.startConnector(Pattern.quote(SCHEMA) + "\\." + Pattern.quote(TABLE));
      Map<String, String> target = new LinkedHashMap<>();
      COLUMNS.forEach((name, types) -> target.put(name, types[1]));
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(
              DATABASE,
              List.of(new TargetTable(TABLE, List.of(KEY), target)),
              t -> TopicNames.dataChange(f.id, SCHEMA, TABLE),
              port,
              "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        awaitSameRows(f, List.copyOf(COLUMNS.keySet()));

        f.pg(
            insert(3, "c", "third"),
            "UPDATE " + source + " SET " + pg("select") + " = 'a2' WHERE " + pg(KEY) + " = 1",
            "DELETE FROM " + source + " WHERE " + pg(KEY) + " = 2");
        awaitSameRows(f, List.copyOf(COLUMNS.keySet()));

        f.pg(
            "ALTER TABLE " + source + " ADD COLUMN " + pg(ADDED) + " integer",
            insert(4, "d", "fourth"),
            "UPDATE " + source + " SET " + pg(ADDED) + " = 42 WHERE " + pg(KEY) + " = 4",
            "UPDATE " + source + " SET " + pg("from") + " = 7 WHERE " + pg(KEY) + " = 1");
        List<String> widened = new ArrayList<>(COLUMNS.keySet());
        widened.add(ADDED);
        awaitSameRows(f, widened);
        assertThat(
                f.chLong(
                    "SELECT countIf(position("
                        + ch("Long Text")
                        + ", '"
                        + EventShape.UNAVAILABLE_VALUE
                        + "') > 0) FROM "
                        + chTable()))
            .as("no version of any row holds the TOAST placeholder")
            .isZero();

        f.pg("TRUNCATE " + source, insert(5, "e", "after truncate"));
        awaitSameRows(f, widened);
        assertThat(worker.metric("kubecdc_sink_dead_letters_total")).isZero();
      }
    } finally {
      f.close();
      f.pg("DROP SCHEMA IF EXISTS " + pg(SCHEMA) + " CASCADE");
      f.ch("DROP DATABASE IF EXISTS " + ch(DATABASE));
    }
  }

  private static String insert(long id, String select, String longText) {
    return "INSERT INTO "
        + pg(SCHEMA)
        + "."
        + pg(TABLE)
        + " ("
        + COLUMNS.keySet().stream().map(IdentifiersE2EIT::pg).collect(Collectors.joining(", "))
        + ") VALUES ("
        + id
        + ", '"
        + select
        + "', "
        + id * 10
        + ", "
        + id
        + ".25, 'groß "
        + id
        + "', '名前 "
        + id
        + "', 'a.b', 'q''s \\ `', "
        + (id + 1)
        + ", '"
        + longText
        + "')";
  }

  /** Waits until the live ClickHouse rows equal the PostgreSQL rows, column by column. */
  private static void awaitSameRows(CdcFixture f, List<String> columns) throws Exception {
    String pgSql =
        "SELECT "
            + columns.stream().map(IdentifiersE2EIT::pg).collect(Collectors.joining(", "))
            + " FROM "
            + pg(SCHEMA)
            + "."
            + pg(TABLE)
            + " ORDER BY "
            + pg(KEY);
    String chSql =
        "SELECT "
            + columns.stream().map(IdentifiersE2EIT::ch).collect(Collectors.joining(", "))
            + " FROM "
            + chTable()
            + " FINAL WHERE _deleted = 0 ORDER BY "
            + ch(KEY);
    try (Connection pg = f.pgConnection();
        Connection ch = f.chConnection()) {
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .until(
              () ->
                  Normalize.rows(CdcFixture.rows(ch, chSql))
                      .equals(Normalize.rows(CdcFixture.rows(pg, pgSql))));
      assertThat(Normalize.rows(CdcFixture.rows(ch, chSql)))
          .isEqualTo(Normalize.rows(CdcFixture.rows(pg, pgSql)));
    }
  }

  private static String chTable() {
    return ch(DATABASE) + "." + ch(TABLE);
  }

  private static String pg(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String ch(String name) {
    return SqlLiterals.identifier(name);
  }

  private static String randomHex(int chars) {
    byte[] bytes = new byte[chars / 2];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
