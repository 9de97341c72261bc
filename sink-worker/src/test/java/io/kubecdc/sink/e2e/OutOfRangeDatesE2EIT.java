package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.types.OutOfRange;
import io.kubecdc.contract.types.PgCatalogReader;
import io.kubecdc.contract.types.SourceCatalogCheck;
import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates and timestamps that ClickHouse's types cannot hold, through the real chain, in the
 * snapshot, in inserts and in updates: every row lands, with each column's out-of-range choice
 * ({@code clamp} by default, {@code null}, {@code string}) applied and counted.
 */
@LocalStackTest
class OutOfRangeDatesE2EIT {
  private static final String COLUMNS =
      "id bigint PRIMARY KEY, d date, ts timestamp, tstz timestamptz, ts3 timestamp(3),"
          + " d_null date, ts_null timestamp, d_text date, tstz_text timestamptz";
  private static final Map<String, OutOfRange> CHOICES =
      Map.of(
          "d_null", OutOfRange.NULLIFY,
          "ts_null", OutOfRange.NULLIFY,
          "d_text", OutOfRange.STRING,
          "tstz_text", OutOfRange.STRING);
  private static final String CH_SELECT =
      "SELECT toString(id), toString(d), toString(ts), toString(tstz), toString(ts3),"
          + " toString(d_null), toString(ts_null), d_text, tstz_text FROM %s FINAL"
          + " WHERE _deleted = 0 ORDER BY id";

  // the row's expected ClickHouse values: what each choice makes of it
  private static final String[] MINUS_INFINITY = {
    "1900-01-01",
    "0000-01-01 00:00:00.000000",
    "0000-01-01 00:00:00.000000",
    "0000-01-01 00:00:00.000",
    null,
    null,
    "-infinity",
    "-infinity"
  };
  private static final String[] INFINITY = {
    "2299-12-31",
    "9999-12-31 23:59:59.999999",
    "9999-12-31 23:59:59.999999",
    "9999-12-31 23:59:59.999",
    null,
    null,
    "infinity",
    "infinity"
  };

  @TempDir Path dir;

  private static String insert(String table, int id, String date, String ts, String tstz) {
    String d = "'" + date + "'";
    String t = "'" + ts + "'";
    String z = "'" + tstz + "'";
    return "INSERT INTO %s VALUES (%d, %s, %s, %s, %s, %s, %s, %s, %s)"
        .formatted(table, id, d, t, z, t, d, t, d, z);
  }

  @Test
  void shouldKeepEveryRowWhateverItsDatesAndApplyEachColumnsChoice(StackEndpoints stack)
      throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      String table = f.id + ".dates";
      f.sourceTable("dates", COLUMNS);
      f.pg(
          insert(table, 1, "0001-01-01", "0001-01-01 00:00:00", "0001-01-01 00:00:00+00"),
          insert(
              table,
              2,
              "2024-02-29",
              "2024-02-29 10:11:12.123456",
              "2024-02-29 10:11:12.123456+00"),
          insert(table, 3, "infinity", "infinity", "infinity"));
      f.startConnector();
      SourceCatalogCheck.TableReport catalog;
      try (Connection pg = f.pgConnection()) {
        catalog =
            SourceCatalogCheck.check(
                table, PgCatalogReader.columns(pg, f.id, "dates"), List.of("id"), CHOICES);
      }
      assertThat(catalog.clickhouseColumns())
          .containsEntry("d", "Nullable(Date32)")
          .containsEntry("ts3", "Nullable(DateTime64(3, 'UTC'))")
          .containsEntry("d_null", "Nullable(Date32)")
          .containsEntry("d_text", "Nullable(String)");
      Map<String, String> choices = new java.util.HashMap<>();
      CHOICES.forEach((column, choice) -> choices.put(column, choice.configName()));
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(
              List.of(new TargetTable("dates", List.of("id"), catalog.clickhouseColumns())),
              port,
              "",
              choices);
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        f.pg(
            insert(
                table,
                4,
                "1899-12-31",
                "1899-12-31 23:59:59.999999",
                "1899-12-31 23:59:59.999999+00"),
            insert(table, 5, "2300-01-01", "2300-01-01 00:00:00", "2300-01-01 00:00:00+00"),
            insert(table, 6, "9999-12-31", "9999-12-31 23:59:59.999", "9999-12-31 23:59:59.999+00"),
            insert(
                table, 7, "0044-03-15 BC", "0044-03-15 10:00:00 BC", "0044-03-15 10:00:00+00 BC"),
            insert(table, 8, "infinity", "infinity", "infinity"),
            insert(table, 9, "-infinity", "-infinity", "-infinity"),
            insert(table, 10, "12000-01-01", "12000-01-01 00:00:00", "12000-01-01 00:00:00+00"),
            "UPDATE "
                + table
                + " SET d = '-infinity', ts = '-infinity', tstz = '-infinity',"
                + " ts3 = '-infinity', d_null = '-infinity', ts_null = '-infinity',"
                + " d_text = '-infinity', tstz_text = '-infinity' WHERE id = 2");
        List<List<String>> expected =
            List.of(
                row(
                    1,
                    "1900-01-02",
                    "0001-01-01 00:00:00.000000",
                    "0001-01-01 00:00:00.000000",
                    "0001-01-01 00:00:00.000",
                    null,
                    "0001-01-01 00:00:00.000000",
                    "0001-01-01",
                    "0001-01-01 00:00:00"),
                row(2, MINUS_INFINITY),
                row(3, INFINITY),
                // timestamp(3) rounds .999999 up in PostgreSQL already
                row(
                    4,
                    "1900-01-02",
                    "1899-12-31 23:59:59.999999",
                    "1899-12-31 23:59:59.999999",
                    "1900-01-01 00:00:00.000",
                    null,
                    "1899-12-31 23:59:59.999999",
                    "1899-12-31",
                    "1899-12-31 23:59:59.999999"),
                row(
                    5,
                    "2299-12-30",
                    "2300-01-01 00:00:00.000000",
                    "2300-01-01 00:00:00.000000",
                    "2300-01-01 00:00:00.000",
                    null,
                    "2300-01-01 00:00:00.000000",
                    "2300-01-01",
                    "2300-01-01 00:00:00"),
                row(
                    6,
                    "2299-12-30",
                    "9999-12-31 23:59:59.999000",
                    "9999-12-31 23:59:59.999000",
                    "9999-12-31 23:59:59.999",
                    null,
                    "9999-12-31 23:59:59.999000",
                    "9999-12-31",
                    "9999-12-31 23:59:59.999"),
                // before year 0: one tick inside the range, never the -infinity marker
                row(
                    7,
                    "1900-01-02",
                    "0000-01-01 00:00:00.000001",
                    "0000-01-01 00:00:00.000001",
                    "0000-01-01 00:00:00.001",
                    null,
                    null,
                    "0044-03-15 BC",
                    "0044-03-15 10:00:00 BC"),
                row(8, INFINITY),
                row(9, MINUS_INFINITY),
                row(
                    10,
                    "2299-12-30",
                    "9999-12-31 23:59:59.999998",
                    "9999-12-31 23:59:59.999998",
                    "9999-12-31 23:59:59.998",
                    null,
                    null,
                    "12000-01-01",
                    "12000-01-01 00:00:00"));
        try (Connection ch = f.chConnection()) {
          CdcFixture.eventually(
              () ->
                  assertThat(text(CdcFixture.rows(ch, CH_SELECT.formatted(table))))
                      .isEqualTo(expected));
        }
        // every replaced value of the six typed columns is counted (replays may add some)
        assertThat(worker.metric("kubecdc_sink_out_of_range_values_total"))
            .isGreaterThanOrEqualTo(44);
      }
    }
  }

  private static List<String> row(int id, String... values) {
    List<String> r = new ArrayList<>();
    r.add(Integer.toString(id));
    r.addAll(Arrays.asList(values));
    return r;
  }

  private static List<List<String>> text(List<List<Object>> rows) {
    return rows.stream()
        .map(r -> r.stream().map(v -> v == null ? null : v.toString()).toList())
        .toList();
  }
}
