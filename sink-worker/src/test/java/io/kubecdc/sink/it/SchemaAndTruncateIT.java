package io.kubecdc.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.runtime.SinkWorker;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * On the real engine: a new column is added without restart or loss, survives a restart (the layout
 * is read back from ClickHouse), and a truncate (policy delete) hides every older row while rows
 * written after it stay.
 */
@LocalStackTest(services = {"kafka", "clickhouse"})
class SchemaAndTruncateIT {
  private final StackEndpoints stack;

  SchemaAndTruncateIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldAddColumnsKeepThemAcrossRestartsAndApplyTruncates() throws Exception {
    try (ItStack it = new ItStack(stack)) {
      SinkWorker first = it.worker(it.config(stack.clickhouseUrl(), TruncatePolicy.DELETE));
      first.startHttp();
      Thread t1 = new Thread(() -> ClickHouseOutageIT.runQuietly(first), "worker-1");
      t1.start();
      it.send("k1", "1:1:a");
      it.send("k2", "2:2:b:with note"); // carries a column the table lacks
      it.send("k3", "3:3:c");
      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 3);
      assertThat(it.columns()).contains("note");
      assertThat(it.count("WHERE note = 'with note'")).isEqualTo(1);
      assertThat(first.stop(30_000)).isTrue();
      t1.join(10_000);

      SinkWorker second = it.worker(it.config(stack.clickhouseUrl(), TruncatePolicy.DELETE));
      second.startHttp();
      Thread t2 = new Thread(() -> ClickHouseOutageIT.runQuietly(second), "worker-2");
      t2.start();
      it.send("k4", "4:4:d:restarted note"); // the restarted worker writes note without an ALTER
      it.send("t", "truncate:10");
      it.send("k5", "5:11:after");
      it.send("k6", "del:3:12");
      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 7);
      assertThat(it.count("")).isEqualTo(1);
      assertThat(it.count("WHERE id = 5 AND name = 'after'")).isEqualTo(1);
      assertThat(second.metrics()).isNotNull();
      assertThat(second.stop(30_000)).isTrue();
      t2.join(10_000);
    }
  }
}
