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
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness at a steady rate through the real chain (PostgreSQL, Debezium, Kafka, sink-worker with
 * a 256 MiB heap, ClickHouse), by stage: source commit -> appended to Kafka (the topic keeps the
 * broker's LogAppendTime) -> insert acknowledged (the worker's commit-to-ack histogram) -> visible
 * in ClickHouse (polled every 10 ms). The load starts as soon as the worker is ready, so the first
 * {@code bench.coldSeconds} meet a cold worker JVM; steady state is what is committed after {@code
 * bench.warmSeconds}. Prints p50/p95/p99/max per stage and window; asserts nothing about time. Run
 * with bin/bench; {@code -Dbench.rate=10000 -Dbench.seconds=60} for the high rate, {@code
 * -Dbench.maxDelayMs=N} to try another flush delay, {@code -Dbench.connector=k=v,...} other
 * connector settings.
 */
@Tag("benchmark")
@ExtendWith(LocalStackExtension.class)
class FreshnessBenchmark {
  private static final int RATE = Integer.getInteger("bench.rate", 1000);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  private static final int COLD_SECONDS = Integer.getInteger("bench.coldSeconds", 5);
  private static final int WARM_SECONDS = Integer.getInteger("bench.warmSeconds", 10);
  private static final String MAX_DELAY_MS = System.getProperty("bench.maxDelayMs", "");
  private static final int TICK_MS = 20;

  @TempDir Path dir;

  @Test
  void shouldPrintFreshnessAtASteadyRateByStage(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable("orders", OrdersTable.COLUMNS_SQL);
      // as Debezium would create it, but stamped by the broker when it appends a record
      f.createTopic("orders", Map.of("message.timestamp.type", "LogAppendTime"));
      f.startConnector(connectorOverrides());
      int port = CdcFixture.freePort();
      String batch = MAX_DELAY_MS.isEmpty() ? "" : "batch:\n  maxDelayMs: " + MAX_DELAY_MS + "\n";
      Path config = f.workerConfig(List.of(OrdersTable.target()), port, batch);
      EventTimes times = new EventTimes(RATE * SECONDS);
      int coldEnd = Math.min(times.size(), RATE * COLD_SECONDS);
      int warmStart = Math.min(times.size() - 1, RATE * WARM_SECONDS);
      try (WorkerProcess worker = f.worker(config, port).start()) {
        double started = EventTimes.now();
        worker.awaitReady();
        double ready = EventTimes.now();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads =
            List.of(
                new Thread(
                    new KafkaArrivals(
                        stack.kafkaBootstrap(), f.topic("orders"), times.inKafka, running)),
                new Thread(() -> pollVisible(f, times.visible, running)));
        threads.forEach(Thread::start);
        AckHistogram[] acks = new AckHistogram[2];
        Thread scraper =
            new Thread(
                () -> {
                  acks[0] = scrapeWhenVisible(worker, times, coldEnd);
                  acks[1] = scrapeWhenVisible(worker, times, warmStart);
                });
        scraper.start();
        load(f, times.committed);
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> times.allVisible(times.size()));
        scraper.join();
        AckHistogram all = AckHistogram.parse(worker.metrics());
        running.set(false);
        for (Thread t : threads) {
          t.join();
        }
        System.out.printf(
            "freshness at %d events/s for %d s (%,d events): worker ready %.0f ms after its start,"
                + " first event visible %.0f ms after its start%n",
            RATE, SECONDS, times.size(), ready - started, times.visible[0] - started);
        times.print("cold(0-" + COLD_SECONDS + "s)", 0, coldEnd);
        acks[0].print("cold(0-" + COLD_SECONDS + "s)");
        times.print("steady(" + WARM_SECONDS + "s-end)", warmStart, times.size());
        all.minus(acks[1]).print("steady(" + WARM_SECONDS + "s-end)");
        times.print("all", 0, times.size());
        all.print("all");
        System.out.println("worker: " + worker.insertSummary());
        System.out.println("worker " + WorkerMemory.of(worker));
      }
    }
  }

  /** {@code -Dbench.connector=k=v,k=v}: connector settings to try on top of the contract's. */
  private static Map<String, String> connectorOverrides() {
    Map<String, String> overrides = new java.util.TreeMap<>();
    for (String kv : System.getProperty("bench.connector", "").split(",")) {
      if (kv.contains("=")) {
        overrides.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1));
      }
    }
    return overrides;
  }

  /** The worker's ack histogram once the events before {@code upTo} are visible. */
  private static AckHistogram scrapeWhenVisible(WorkerProcess worker, EventTimes times, int upTo) {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> times.allVisible(upTo));
    try {
      return AckHistogram.parse(worker.metrics());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** RATE rows per second in transactions of RATE/50 rows, one every 20 ms. */
  private static void load(CdcFixture f, double[] committedAt) throws Exception {
    int perTick = Math.max(1, RATE * TICK_MS / 1000);
    int late = 0;
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
        Arrays.fill(committedAt, id, end, EventTimes.now());
        id = end;
        long next = start + (tick + 1) * TICK_MS * 1_000_000L;
        long sleep = (next - System.nanoTime()) / 1_000_000L;
        if (sleep > 0) {
          Thread.sleep(sleep);
        } else {
          late++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "load: %,d events committed in %.1f s (%,.0f events/s), %d ticks of %d ms late%n",
          committedAt.length, seconds, committedAt.length / seconds, late, TICK_MS);
    }
  }

  /** Every 10 ms: the highest id visible; every id up to it became visible now. */
  private static void pollVisible(CdcFixture f, double[] visibleAt, AtomicBoolean running) {
    int seen = 0;
    try (Connection ch = f.chConnection();
        var s = ch.createStatement()) {
      while (running.get() && seen < visibleAt.length) {
        try (var rs = s.executeQuery("SELECT max(id) + 1 FROM " + f.id + ".orders")) {
          rs.next();
          int upTo = (int) Math.min(visibleAt.length, rs.getLong(1));
          double now = EventTimes.now();
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
}
