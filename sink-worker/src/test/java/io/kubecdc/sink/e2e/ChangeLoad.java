package io.kubecdc.sink.e2e;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of changes into one PostgreSQL table {@code (id bigint PRIMARY KEY, amount
 * numeric(12,2), note text)} on a thread of its own: every 100 ms one transaction inserts 10 rows,
 * updates 3 earlier ones and deletes one, about 140 changes per second, until {@link #close()}.
 */
final class ChangeLoad implements AutoCloseable {
  private final CdcFixture fixture;
  private final String table;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong transactions = new AtomicLong();
  private final Thread thread;
  private volatile Exception failure;

  ChangeLoad(CdcFixture fixture, String table) {
    this.fixture = fixture;
    this.table = fixture.id + "." + table;
    this.thread = new Thread(this::run, "change-load");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try (Connection c = fixture.pgConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (long tx = 0; running.get(); tx++) {
        long first = tx * 10 + 1;
        s.execute(
            "INSERT INTO "
                + table
                + " SELECT g, g * 0.25, 'row ' || g FROM generate_series("
                + first
                + ", "
                + (first + 9)
                + ") g;"
                + ("UPDATE " + table + " SET amount = amount + 1.05, note = note || '+'")
                + (" WHERE id IN (" + (first / 2 + 1) + ", " + (first / 3 + 2) + ", ")
                + ((first / 5 + 3) + ");")
                + ("DELETE FROM " + table + " WHERE id = " + (first / 4 + 4)));
        c.commit();
        transactions.incrementAndGet();
        Thread.sleep(100);
      }
    } catch (Exception e) {
      failure = e;
    }
  }

  long transactions() {
    return transactions.get();
  }

  /** Stops after the transaction in progress; fails if any transaction failed. */
  @Override
  public void close() throws Exception {
    running.set(false);
    thread.join(30_000);
    if (failure != null) {
      throw failure;
    }
  }
}
