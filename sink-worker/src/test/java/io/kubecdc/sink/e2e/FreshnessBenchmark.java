package io.kubecdc.sink.e2e;

import static org.awaitility.Awaitility.await;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness at a steady 1,000 events/s: source commit -> visible in ClickHouse, through the real
 * chain (PostgreSQL, Debezium, Kafka, sink-worker with a 256 MiB heap, ClickHouse). Prints p50/p99;
 * asserts nothing about time. Run with bin/bench.
 */
@Tag("benchmark")
@ExtendWith(LocalStackExtension.class)
class FreshnessBenchmark {
  private static final int RATE = Integer.getInteger("bench.rate", 1000);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  private static final int TICK_MS = 20;

  @TempDir Path dir;

  @Test
  void shouldPrintFreshnessAtASteadyRate(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable("orders", OrdersTable.COLUMNS_SQL);
      f.startConnector();
      int port = CdcFixture.freePort();
      Path config = f.workerConfig(List.of(OrdersTable.target()), port, "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        int total = RATE * SECONDS;
        long[] committedAt = new long[total];
        long[] visibleAt = new long[total];
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(f, visibleAt, loading));
        poller.start();
        load(f, committedAt);
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> visibleAt[total - 1] != 0);
        loading.set(false);
        poller.join();
        report(committedAt, visibleAt, worker);
      }
    }
  }

  /** RATE rows per second in transactions of RATE/50 rows, one every 20 ms. */
  private static void load(CdcFixture f, long[] committedAt) throws Exception {
    int perTick = Math.max(1, RATE * TICK_MS / 1000);
    try (Connection c = f.pgConnection();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO " + f.id + ".orders" + OrdersTable.INSERT_SQL_SUFFIX)) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      for (int id = 0, tick = 0; id < committedAt.length; tick++) {
        int end = Math.min(committedAt.length, id + perTick);
        for (int i = id; i < end; i++) {
          OrdersTable.bind(ps, i);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
        long now = System.nanoTime();
        Arrays.fill(committedAt, id, end, now);
        id = end;
        long next = start + (tick + 1) * TICK_MS * 1_000_000L;
        long sleep = (next - System.nanoTime()) / 1_000_000L;
        if (sleep > 0) {
          Thread.sleep(sleep);
        }
      }
    }
  }

  /** Every 10 ms: the highest id visible; every id up to it became visible now. */
  private static void poll(CdcFixture f, long[] visibleAt, AtomicBoolean loading) {
    int seen = 0;
    try (Connection ch = f.chConnection();
        var s = ch.createStatement()) {
      while (loading.get() && seen < visibleAt.length) {
        try (var rs = s.executeQuery("SELECT max(id) + 1 FROM " + f.id + ".orders")) {
          rs.next();
          int upTo = (int) Math.min(visibleAt.length, rs.getLong(1));
          long now = System.nanoTime();
          for (int i = seen; i < upTo; i++) {
            visibleAt[i] = now;
          }
          seen = Math.max(seen, upTo);
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void report(long[] committedAt, long[] visibleAt, WorkerProcess worker)
      throws Exception {
    double[] ms = new double[committedAt.length];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = (visibleAt[i] - committedAt[i]) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        "freshness at %d events/s for %d s (%d events): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
        RATE, SECONDS, ms.length, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]);
    System.out.println("worker " + WorkerMemory.of(worker));
  }

  static double pct(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  }
}
