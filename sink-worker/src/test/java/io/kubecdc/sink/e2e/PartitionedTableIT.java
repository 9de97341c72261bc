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
 * A partitioned table is captured through its root: the publication publishes every partition's
 * changes as the root's ({@code publish_via_partition_root}), on the root's topic, including those
 * of partitions created or attached while the pipeline streams. A row that moves between partitions
 * (PostgreSQL deletes it from one and inserts it into the other) stays one live row.
 */
@LocalStackTest
class PartitionedTableIT {
  private static final String COLUMNS = "id, region, reading, note";
  @TempDir Path dir;

  @Test
  void shouldCaptureEveryPartitionThroughTheRoot(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      String root = f.id + ".readings";
      f.sourceTable(
          "readings",
          "id bigint, region text, reading numeric(10,2), note text, PRIMARY KEY (id, region))"
              + " PARTITION BY LIST (region");
      f.pg(
          "CREATE TABLE " + root + "_eu PARTITION OF " + root + " FOR VALUES IN ('eu')",
          "CREATE TABLE " + root + "_us PARTITION OF " + root + " FOR VALUES IN ('us')",
          "INSERT INTO " + root + " VALUES (1, 'eu', 1.50, 'snapshot'), (2, 'us', 2.25, NULL)");
      f.startConnector();
      try (WorkerProcess worker =
          f.startWorker(
              new TargetTable(
                  "readings",
                  List.of("id", "region"),
                  CdcFixture.columns(
                      "id",
                      "Int64",
                      "region",
                      "String",
                      "reading",
                      "Nullable(Decimal(10, 2))",
                      "note",
                      "Nullable(String)")),
              "256m")) {
        f.pg(
            "INSERT INTO " + root + " VALUES (3, 'eu', 3.00, 'c'), (4, 'us', 4.00, 'd')",
            "INSERT INTO " + root + " VALUES (5, 'eu', 5.00, 'e'), (6, 'us', 6.00, 'f')",
            "UPDATE " + root + " SET reading = 30.10, note = 'updated' WHERE id = 3",
            "UPDATE " + root + " SET note = 'updated too' WHERE id = 2",
            "DELETE FROM " + root + " WHERE id = 4",
            // moves the row from partition _eu to _us
            "UPDATE " + root + " SET region = 'us', note = 'moved' WHERE id = 5");
        f.awaitSameLiveRows(root, COLUMNS, "id, region");
        assertThat(f.chLong("SELECT count() FROM " + root + " FINAL WHERE id = 5 AND _deleted = 0"))
            .as("the moved row is live once, in its new partition's region")
            .isEqualTo(1);
        // what Debezium emits for the move: a delete of the old key and a create of the new one
        assertThat(events(worker, "delete")).isEqualTo(2);
        assertThat(events(worker, "update")).isEqualTo(2);
        assertThat(events(worker, "create")).isEqualTo(5);

        f.pg(
            "CREATE TABLE " + root + "_asia PARTITION OF " + root + " FOR VALUES IN ('asia')",
            "CREATE TABLE " + f.id + ".readings_old (LIKE " + root + ")",
            "INSERT INTO " + f.id + ".readings_old VALUES (7, 'old', 7.00, 'before attach')",
            "ALTER TABLE "
                + root
                + " ATTACH PARTITION "
                + f.id
                + ".readings_old"
                + " FOR VALUES IN ('old')",
            "INSERT INTO " + root + " VALUES (8, 'asia', 8.00, 'new partition')",
            "INSERT INTO " + root + " VALUES (9, 'old', 9.00, 'attached partition')",
            "UPDATE " + root + " SET region = 'asia', note = 'moved to new' WHERE id = 6",
            "UPDATE " + root + " SET reading = 8.80 WHERE id = 8",
            // the rows an attached table held produce no events until they change
            "UPDATE " + root + " SET note = 'changed after attach' WHERE id = 7");
        f.awaitSameLiveRows(root, COLUMNS, "id, region");
      }
    }
  }

  /** Change events of one operation the worker consumed, from its metrics. */
  private static double events(WorkerProcess worker, String op) throws Exception {
    return worker
        .metrics()
        .lines()
        .filter(l -> l.startsWith("kubecdc_sink_events_total{") && l.contains("op=\"" + op + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
