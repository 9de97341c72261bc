package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column added in PostgreSQL appears in ClickHouse with its type, and a column widened in
 * PostgreSQL is widened in ClickHouse, without restart or loss.
 */
@LocalStackTest
class SchemaEvolutionIT {
  @TempDir Path dir;

  @Test
  void shouldAddAndFillANewColumnWithoutRestart(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable("products", "id bigint PRIMARY KEY, name text NOT NULL");
      f.startConnector();
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id", "Int64");
      columns.put("name", "String");
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(List.of(new TargetTable("products", List.of("id"), columns)), port, "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        String source = f.id + ".products";
        f.pg("INSERT INTO " + source + " VALUES (1, 'one')");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> f.chLong("SELECT count() FROM " + source) == 1);

        f.pg(
            "ALTER TABLE " + source + " ADD COLUMN discount numeric(5,2)",
            "INSERT INTO " + source + " VALUES (2, 'two', 1.25)",
            "UPDATE " + source + " SET discount = -2.50 WHERE id = 1",
            "INSERT INTO " + source + " VALUES (3, 'three', NULL)");

        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> f.chLong("SELECT count() FROM " + source + " FINAL") == 3);
        try (Connection ch = f.chConnection()) {
          assertThat(
                  CdcFixture.rows(
                      ch,
                      "SELECT type FROM system.columns WHERE database = '"
                          + f.id
                          + "' AND table = 'products' AND name = 'discount'"))
              .containsExactly(List.of("Nullable(Decimal(5, 2))"));
          assertThat(
                  Normalize.rows(
                      CdcFixture.rows(
                          ch, "SELECT id, name, discount FROM " + source + " FINAL ORDER BY id")))
              .containsExactly(
                  List.of(1L, "one", "-2.5"),
                  List.of(2L, "two", "1.25"),
                  java.util.Arrays.asList(3L, "three", null));
        }
        assertThat(worker.alive()).as("no restart").isTrue();
      }
    }
  }

  @Test
  void shouldWidenColumnsInPlaceAtTheFirstEventOfTheWiderType(StackEndpoints stack)
      throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable(
          "stock",
          "id bigint PRIMARY KEY, qty smallint NOT NULL, price numeric(5,2),"
              + " seen timestamp(3), label varchar(4)");
      f.startConnector();
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id", "Int64");
      columns.put("qty", "Int16");
      columns.put("price", "Nullable(Decimal(5, 2))");
      columns.put("seen", "Nullable(DateTime64(3, 'UTC'))");
      columns.put("label", "Nullable(String)");
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(List.of(new TargetTable("stock", List.of("id"), columns)), port, "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        String source = f.id + ".stock";
        f.pg("INSERT INTO " + source + " VALUES (1, 7, 123.45, '2026-01-02 03:04:05.678', 'abcd')");
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> f.chLong("SELECT count() FROM " + source) == 1);

        f.pg(
            "ALTER TABLE "
                + source
                + " ALTER COLUMN qty TYPE int, ALTER COLUMN price TYPE numeric(9,3),"
                + " ALTER COLUMN seen TYPE timestamp(6), ALTER COLUMN label TYPE text",
            "INSERT INTO "
                + source
                + " VALUES (2, 100000, 123456.789, '2026-01-02 03:04:05.678901', 'longer text')");

        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> f.chLong("SELECT count() FROM " + source + " FINAL") == 2);
        try (Connection ch = f.chConnection()) {
          assertThat(
                  CdcFixture.rows(
                      ch,
                      "SELECT name, type FROM system.columns WHERE database = '"
                          + f.id
                          + "' AND table = 'stock' AND name != '_version' AND name != '_deleted'"
                          + " ORDER BY position"))
              .containsExactly(
                  List.of("id", "Int64"),
                  List.of("qty", "Int32"),
                  List.of("price", "Nullable(Decimal(9, 3))"),
                  List.of("seen", "Nullable(DateTime64(6, 'UTC'))"),
                  List.of("label", "Nullable(String)"));
          assertThat(
                  CdcFixture.rows(
                      ch,
                      "SELECT toString(id), toString(qty), toString(price), toString(seen), label"
                          + " FROM "
                          + source
                          + " FINAL ORDER BY id"))
              .containsExactly(
                  List.of("1", "7", "123.45", "2026-01-02 03:04:05.678000", "abcd"),
                  List.of(
                      "2", "100000", "123456.789", "2026-01-02 03:04:05.678901", "longer text"));
        }
        assertThat(worker.alive()).as("no restart").isTrue();
      }
    }
  }
}
