package io.kubecdc.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source schema changes through the standalone driver ({@code kubecdc run} on the local example,
 * real stack): a widening lands in ClickHouse without a restart, a rename and an int-to-text change
 * show as {@code IncompatibleSchemaChange} with the row that cannot be written counted as a dead
 * letter of its table, and a table dropped at the source shows as {@code SourceTableMissing}.
 */
@LocalStackTest
class StandaloneSchemaChangesIT {
  private static final Pattern ORDERS_DEAD_LETTER =
      Pattern.compile("(?m)(shop\\.orders [^|\\n]* dlq 1\\b|^ +shop\\.orders( +\\S+){4} +1$)");
  @TempDir Path state;

  @Test
  void shouldShowWhatTheSchemaChangesDidWhileRunning(StackEndpoints stack) throws Exception {
    try (BackgroundRun run = new BackgroundRun(stack, state, OptionalInt.empty())) {
      new ShopData(stack).createSource(20, 50);
      run.start();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> run.printed().contains("Ready=True"));

      try (Connection pg = ShopData.postgres(stack)) {
        exec(
            pg,
            "ALTER TABLE shop.order_items ALTER COLUMN qty TYPE bigint",
            "INSERT INTO shop.order_items VALUES (1, 99, 'bulk', 5000000000)",
            "ALTER TABLE shop.orders RENAME COLUMN status TO state",
            "INSERT INTO shop.orders (id, customer_id, amount, state)"
                + " VALUES (900002, 7, 2.00, 'paid')",
            "ALTER TABLE shop.orders ALTER COLUMN customer_id TYPE text",
            "INSERT INTO shop.orders (id, customer_id, amount, state)"
                + " VALUES (900001, 'C-1', 1.00, 'new')");
      }
      try (Connection ch = ShopData.clickhouse(stack)) {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(
                () -> {
                  assertThat(
                          one(
                              ch,
                              "SELECT toString(qty) FROM shop.order_items FINAL"
                                  + " WHERE order_id = 1 AND line = 99"))
                      .isEqualTo("5000000000");
                  assertThat(
                          one(
                              ch,
                              "SELECT concat(toString(customer_id), '/', state) FROM shop.orders"
                                  + " FINAL WHERE id = 900002"))
                      .isEqualTo("7/paid");
                });
        assertThat(
                one(
                    ch,
                    "SELECT type FROM system.columns WHERE database = 'shop'"
                        + " AND table = 'order_items' AND name = 'qty'"))
            .isEqualTo("Int64");
        assertThat(one(ch, "SELECT count() FROM shop.orders WHERE id = 900001"))
            .as("the row whose customer_id does not fit Int64 is a dead letter")
            .isEqualTo("0");
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> ORDERS_DEAD_LETTER.matcher(run.printed()).find());
      assertThat(run.printed())
          .contains("IncompatibleSchemaChange")
          .contains("orders.customer_id: Int64 -> String")
          .contains("orders.status no longer in the source (dropped or renamed)");

      try (Connection pg = ShopData.postgres(stack)) {
        exec(pg, "DROP TABLE shop.customers");
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> run.printed().contains("SourceTableMissing"));
      assertThat(run.printed()).contains("shop.customers no longer in database");
      System.out.println(run.printed());
    }
  }

  private static void exec(Connection c, String... statements) throws Exception {
    for (String s : statements) {
      c.createStatement().execute(s);
    }
  }

  private static String one(Connection c, String sql) throws Exception {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      return r.next() ? r.getString(1) : null;
    }
  }
}
