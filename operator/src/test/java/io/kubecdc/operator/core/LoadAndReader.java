package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.operator.clickhouse.ClickHouseClients;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady write load on {@code <id>.orders} (an insert every 20 ms, an update of an existing row
 * every fifth) and a reader that polls the stable name {@code <id>.orders} as a dashboard would
 * ({@code FINAL}, {@code _deleted = 0}), recording every error, every time the row count went down,
 * and the longest time between two successful reads. Public for the standalone driver's bump test,
 * which runs the same load through {@code kubecdc run}.
 */
public final class LoadAndReader implements AutoCloseable {
  private final StackEndpoints stack;
  private final String id;
  private final int seeded;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong drops = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong maxGap = new AtomicLong();
  private final List<Long> readTimes = new CopyOnWriteArrayList<>();
  private Thread writer;
  private Thread reader;

  /**
   * @param seeded the rows 1..seeded that exist before the load starts (the updates pick from them)
   */
  public LoadAndReader(StackEndpoints stack, String id, int seeded) {
    this.stack = stack;
    this.id = id;
    this.seeded = seeded;
  }

  /**
   * Creates the table the load writes, {@code <id>.orders (id bigint, amount int, note text)}, with
   * rows 1..{@code rows}.
   */
  public static void createOrders(StackPipeline pipeline, String id, int rows) throws Exception {
    pipeline.pg("CREATE SCHEMA " + id);
    pipeline.pg("CREATE TABLE " + id + ".orders (id bigint PRIMARY KEY, amount int, note text)");
    pipeline.pg(
        "INSERT INTO "
            + id
            + ".orders SELECT g, g % 1000, 'n' || g FROM generate_series(1, "
            + rows
            + ") g");
  }

  public void start() {
    writer = new Thread(this::write, "load-writer");
    reader = new Thread(this::read, "stable-name-reader");
    writer.start();
    reader.start();
  }

  private void write() {
    try (Connection c =
        DriverManager.getConnection(
            stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword())) {
      long next = 1_000_000;
      while (running.get()) {
        c.createStatement()
            .execute("INSERT INTO " + id + ".orders VALUES (" + next + ", 7, 'load " + next + "')");
        if (next % 5 == 0) {
          long row = ThreadLocalRandom.current().nextLong(1, seeded + 1L);
          c.createStatement()
              .execute("UPDATE " + id + ".orders SET amount = amount + 1 WHERE id = " + row);
        }
        next++;
        writes.incrementAndGet();
        Thread.sleep(20);
      }
    } catch (Exception e) {
      errors.add("writer: " + e);
    }
  }

  private void read() {
    long max = 0;
    long lastOk = System.nanoTime();
    try (ClientV2Gateway ch =
        ClickHouseClients.open(
            stack.clickhouseUrl(), stack.clickhouseUser(), stack.clickhousePassword())) {
      while (running.get()) {
        try {
          long n = CutoverScenario.count(ch, "`" + id + "`.orders");
          long now = System.nanoTime();
          maxGap.accumulateAndGet((now - lastOk) / 1_000_000, Math::max);
          lastOk = now;
          if (n < max) {
            drops.incrementAndGet();
            errors.add("count went down from " + max + " to " + n);
          }
          max = Math.max(max, n);
          reads.incrementAndGet();
          readTimes.add(now);
        } catch (RuntimeException e) {
          errors.add("reader: " + e.getMessage());
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public long reads() {
    return reads.get();
  }

  public long readsAfter(long nanoTime) {
    return readTimes.stream().filter(t -> t > nanoTime).count();
  }

  public List<String> errors() {
    return errors;
  }

  public long drops() {
    return drops.get();
  }

  public long writes() {
    return writes.get();
  }

  public long maxGapMillis() {
    return maxGap.get();
  }

  /** What the reader saw: {@code reads=.. errors=.. drops=.. max_read_gap_ms=.. writes=..}. */
  public String seen() {
    return "reads=%d errors=%d drops=%d max_read_gap_ms=%d writes=%d"
        .formatted(reads(), errors.size(), drops(), maxGapMillis(), writes());
  }

  /** The reader saw no error and the count never went down, under a real write load. */
  public void assertNoErrorNoDrop() {
    assertThat(errors).as("reader errors").isEmpty();
    assertThat(drops()).as("times the row count went down").isZero();
    assertThat(writes()).isGreaterThan(50);
  }

  public void stop() throws InterruptedException {
    running.set(false);
    writer.join(30_000);
    reader.join(30_000);
  }

  @Override
  public void close() throws InterruptedException {
    if (running.get()) {
      stop();
    }
  }
}
