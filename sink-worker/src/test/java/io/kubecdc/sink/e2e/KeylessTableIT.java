package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table without a primary key (REPLICA IDENTITY FULL), keyed in ClickHouse by columns the
 * worker's config names: an UPDATE that changes those columns moves the row to its new key and
 * leaves nothing live under the old one, as a primary key change does.
 */
@LocalStackTest
class KeylessTableIT {
  @TempDir Path dir;

  @Test
  void shouldMoveARowWhoseKeyColumnsChange(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      String table = f.id + ".visits";
      f.sourceTable("visits", "site text NOT NULL, day int NOT NULL, hits int, body text");
      f.pg(
          "ALTER TABLE " + table + " REPLICA IDENTITY FULL",
          // stored out of line: an update that does not touch it carries the placeholder
          "ALTER TABLE " + table + " ALTER COLUMN body SET STORAGE EXTERNAL",
          "INSERT INTO " + table + " VALUES ('a', 1, 10, 'snapshot'), ('b', 1, 20, NULL)");
      f.startConnector();
      try (WorkerProcess worker =
          f.startWorker(
              new TargetTable(
                  "visits",
                  List.of("site", "day"),
                  CdcFixture.columns(
                      "site",
                      "String",
                      "day",
                      "Int32",
                      "hits",
                      "Nullable(Int32)",
                      "body",
                      "Nullable(String)")),
              "256m")) {
        f.pg(
            "INSERT INTO " + table + " VALUES ('c', 1, 30, 'c'), ('d', 1, 40, repeat('x', 9000))",
            "UPDATE " + table + " SET hits = 11 WHERE site = 'a'",
            // key changes: one column, both columns, and back to a key used before
            "UPDATE " + table + " SET day = 2 WHERE site = 'a'",
            "UPDATE " + table + " SET site = 'bb', day = 5, hits = 21 WHERE site = 'b'",
            "UPDATE " + table + " SET site = 'c2' WHERE site = 'c'",
            "UPDATE " + table + " SET site = 'c' WHERE site = 'c2'",
            // the TOASTed body is unchanged: it travels with the moved row
            "UPDATE " + table + " SET day = 9 WHERE site = 'd'",
            "DELETE FROM " + table + " WHERE site = 'c'");
        f.awaitSameLiveRows(table, "site, day, hits, body", "site, day");
        assertThat(f.chLong("SELECT count() FROM " + table + " FINAL WHERE _deleted = 0"))
            .as("no row left live under an old key")
            .isEqualTo(3);
        assertThat(f.chLong("SELECT length(body) FROM " + table + " FINAL WHERE site = 'd'"))
            .isEqualTo(9000);
      }
    }
  }
}
