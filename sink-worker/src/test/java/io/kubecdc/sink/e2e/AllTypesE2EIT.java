package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.contract.types.SourceCatalogCheck;
import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL -> Debezium -> Kafka -> sink-worker -> ClickHouse for a table using every type:
 * snapshot, inserts, updates, deletes, a primary-key change, a truncate. After each phase {@code
 * SELECT ... FINAL} equals the PostgreSQL table row for row, value for value. The ClickHouse table
 * is created from the contract's catalog mapping, as the operator will, after checking that the
 * worker maps the real events of every column to the same types.
 */
@LocalStackTest
class AllTypesE2EIT {
  private static final String ALL_VALUES =
      "(%d, -32768, 2147483647, -123456789012345.12345, 3.14159265358979323846264338327950288,"
          + " 1.5, -2.5e-300, true, 'Grüße, 世界 🎉 \"quoted\" \\ back', 'varchar', 'ab',"
          + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1969-07-20', '23:59:59.999999',"
          + " '2026-11-21 10:11:12.123456', '2026-11-21 10:11:12.654321+02',"
          + " '{\"a\": [1, 2, {\"b\": null}]}', '{ \"x\" : 1 }', '\\x00ff10',"
          + " ARRAY['a', NULL, 'c'], ARRAY[1, NULL, 3], 'happy')";
  private static final String SPECIAL_VALUES =
      "(%d, 0, -1, 0.00001, -0.000000000000000000001, 'NaN', '-Infinity', false, '', '', '   ',"
          + " '00000000-0000-0000-0000-000000000000', '1900-01-01', '00:00:00',"
          + " '1900-01-01 00:00:00.000001', '2299-12-31 23:59:59.999999+00', '[]', 'null', '\\x',"
          + " ARRAY[]::text[], ARRAY[]::int[], 'sad')";

  @TempDir Path dir;

  @Test
  void shouldKeepClickHouseEqualToPostgresThroughEveryKindOfChange(StackEndpoints stack)
      throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      String table = f.id + ".everything";
      f.pg("CREATE TYPE " + f.id + ".mood AS ENUM ('sad', 'ok', 'happy')");
      f.sourceTable("everything", AllTypesColumns.pgDdl(f.id));
      f.pg(
          "INSERT INTO " + table + " VALUES " + ALL_VALUES.formatted(1),
          "INSERT INTO " + table + " (id) VALUES (2)",
          "INSERT INTO " + table + " VALUES " + SPECIAL_VALUES.formatted(3));
      f.startConnector();
      // one type mapping: the operator's (catalog) and the worker's (real events) agree
      SourceCatalogCheck.TableReport catalog = MappingAgreement.catalog(f, "everything");
      assertThat(catalog.clickhouseColumns()).isEqualTo(AllTypesColumns.chColumns());
      assertThat(catalog.warnings())
          .containsExactly(
              f.id
                  + ".everything.loose (LOSSY): exact value as text, trailing zeros lost"
                  + " (1.50 -> 1.5); NaN and ±Infinity arrive as NULL (0 in a NOT NULL column)");
      for (byte[] event : f.records("everything", 3)) {
        MappingAgreement.assertAgree(catalog, event);
      }
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(
              List.of(new TargetTable("everything", List.of("id"), catalog.clickhouseColumns())),
              port,
              "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        f.pg(
            "INSERT INTO " + table + " VALUES " + SPECIAL_VALUES.formatted(4),
            "INSERT INTO " + table + " VALUES " + ALL_VALUES.formatted(5),
            "INSERT INTO " + table + " (id, title) VALUES (6, 'six')",
            "UPDATE "
                + table
                + " SET title = 'updated', price = price * -1, tags = NULL,"
                + " zoned_ts = zoned_ts + interval '1 microsecond', mood = NULL WHERE id = 1",
            "UPDATE " + table + " SET small = 7, doc = '{\"k\": \"v\"}' WHERE id = 3",
            "DELETE FROM " + table + " WHERE id = 2",
            "UPDATE " + table + " SET id = 60 WHERE id = 6");
        assertEventuallyEqual(f, table);

        f.pg(
            "TRUNCATE " + table,
            "INSERT INTO " + table + " VALUES " + ALL_VALUES.formatted(7),
            "INSERT INTO " + table + " (id) VALUES (8)",
            "UPDATE " + table + " SET title = 'after truncate' WHERE id = 8");
        assertEventuallyEqual(f, table);
        assertThat(f.chLong("SELECT count() FROM " + table + " FINAL WHERE _deleted = 0"))
            .isEqualTo(2);
      }
    }
  }

  private static void assertEventuallyEqual(CdcFixture f, String table) throws Exception {
    try (Connection pg = f.pgConnection();
        Connection ch = f.chConnection()) {
      List<List<String>> expected =
          AllTypesColumns.normalize(CdcFixture.rows(pg, AllTypesColumns.pgSelect(table)));
      CdcFixture.eventually(
          () ->
              assertThat(
                      AllTypesColumns.normalize(
                          CdcFixture.rows(ch, AllTypesColumns.chSelect(table))))
                  .isEqualTo(expected));
    }
  }
}
