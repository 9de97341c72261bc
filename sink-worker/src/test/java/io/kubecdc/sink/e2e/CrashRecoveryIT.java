package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the worker in the middle of 100,000 changes: after a restart ClickHouse equals
 * PostgreSQL, nothing missing, no visible duplicate. Offsets are committed only after ClickHouse
 * acknowledged the rows, and replays are absorbed by _version.
 */
@LocalStackTest
class CrashRecoveryIT {
  private static final int INSERTS = 60_000;
  private static final int UPDATES = 30_000;
  private static final int DELETES = 10_000;

  @TempDir Path dir;

  @Test
  void shouldEqualTheSourceAfterAKillInTheMiddleOfALoad(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable(
          "orders",
          "id bigint PRIMARY KEY, customer text NOT NULL, amount numeric(12,2), status text");
      f.startConnector();
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id", "Int64");
      columns.put("customer", "String");
      columns.put("amount", "Nullable(Decimal(12, 2))");
      columns.put("status", "Nullable(String)");
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(List.of(new TargetTable("orders", List.of("id"), columns)), port, "");

      WorkerProcess first = f.worker(config, port).start();
      first.awaitReady();
      CompletableFuture<Void> load = CompletableFuture.runAsync(() -> load(f));

      String live = f.id + ".orders";
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> f.chLong("SELECT count() FROM " + live) >= 20_000);
      first.kill();
      long seenAtKill = f.chLong("SELECT count() FROM " + live);

      WorkerProcess second = f.worker(config, port).start();
      load.get();
      second.awaitReady();

      String sourceRows =
          "SELECT id, customer, amount, status FROM " + f.id + ".orders ORDER BY id";
      String targetRows =
          "SELECT id, customer, amount, status FROM "
              + live
              + " FINAL WHERE _deleted = 0 ORDER BY id";
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  f.chLong("SELECT count() FROM " + live + " FINAL WHERE _deleted = 0")
                      == INSERTS - DELETES);
      try (Connection pg = f.pgConnection();
          Connection ch = f.chConnection()) {
        List<List<Object>> expected = Normalize.rows(CdcFixture.rows(pg, sourceRows));
        assertThat(expected).hasSize(INSERTS - DELETES);
        assertThat(Normalize.rows(CdcFixture.rows(ch, targetRows))).isEqualTo(expected);
      }
      assertThat(f.chLong("SELECT count() - uniqExact(id) FROM " + live + " FINAL"))
          .as("no visible duplicate")
          .isZero();
      System.out.printf(
          "crash test: killed with %d rows written, %d rows written in all (replays included)%n",
          seenAtKill, f.chLong("SELECT count() FROM " + live));
      assertThat(second.terminate()).as("SIGTERM exit code").isZero();
      assertThat(committedLag(f)).as("nothing left uncommitted").isZero();
    }
  }

  /** Log end offset minus the group's committed offset, summed over the topic's partitions. */
  static long committedLag(CdcFixture f) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, f.stack.kafkaBootstrap()))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets("kubecdc.test." + f.id + ".v1")
              .partitionsToOffsetAndMetadata()
              .get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      assertThat(committed).isNotEmpty();
      long lag = 0;
      for (var e : admin.listOffsets(latest).all().get().entrySet()) {
        lag += e.getValue().offset() - committed.get(e.getKey()).offset();
      }
      return lag;
    }
  }

  /** 100,000 changes in transactions of 1,000: inserts, then updates, then deletes. */
  private static void load(CdcFixture f) {
    try (Connection c = f.pgConnection()) {
      c.setAutoCommit(false);
      String t = f.id + ".orders";
      batch(
          c,
          "INSERT INTO " + t + " VALUES (?, ?, ?, 'new')",
          INSERTS,
          (ps, i) -> {
            ps.setLong(1, i);
            ps.setString(2, "customer-" + (i % 977));
            ps.setBigDecimal(3, java.math.BigDecimal.valueOf(i * 37L % 1_000_000, 2));
          });
      batch(
          c,
          "UPDATE " + t + " SET amount = amount + 1, status = 'paid' WHERE id = ?",
          UPDATES,
          (ps, i) -> ps.setLong(1, i * 2L));
      batch(c, "DELETE FROM " + t + " WHERE id = ?", DELETES, (ps, i) -> ps.setLong(1, i * 6L + 1));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  interface Binder {
    void bind(PreparedStatement ps, int i) throws Exception;
  }

  private static void batch(Connection c, String sql, int n, Binder binder) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < n; i++) {
        binder.bind(ps, i);
        ps.addBatch();
        if ((i + 1) % 1000 == 0) {
          ps.executeBatch();
          c.commit();
          Thread.sleep(30); // spread the load over seconds, so the kill lands in its middle
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }
}
