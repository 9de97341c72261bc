package io.kubecdc.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.runtime.SinkWorker;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * ClickHouse disappears mid-stream: the worker retries without committing, turns not-ready, and
 * when ClickHouse is back every row arrives exactly once in FINAL, and readiness returns.
 */
@LocalStackTest(services = {"kafka", "clickhouse"})
class ClickHouseOutageIT {
  private final StackEndpoints stack;

  ClickHouseOutageIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldNotCommitWhileClickHouseIsDownAndLoseNothingWhenItReturns() throws Exception {
    URI ch = URI.create(stack.clickhouseUrl());
    try (ItStack it = new ItStack(stack);
        TogglingProxy proxy = new TogglingProxy(ch.getHost(), ch.getPort())) {
      SinkWorker worker =
          it.worker(it.config("http://127.0.0.1:" + proxy.port(), TruncatePolicy.DELETE));
      int port = worker.startHttp();
      Thread thread = new Thread(() -> runQuietly(worker), "worker-under-test");
      thread.start();

      for (int i = 1; i <= 20; i++) {
        it.send("k" + i, i + ":" + i + ":first");
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 20);
      assertThat(it.count("")).isEqualTo(20);
      await().atMost(Duration.ofSeconds(20)).until(() -> ItStack.status(port, "/readyz") == 200);

      proxy.down();
      for (int i = 21; i <= 50; i++) {
        it.send("k" + i, i + ":" + i + ":second");
      }
      it.send("k1", "1:100:updated"); // a newer version of an existing row
      await().atMost(Duration.ofSeconds(30)).until(() -> ItStack.status(port, "/readyz") == 503);
      Thread.sleep(1_000);
      assertThat(it.committed()).isEqualTo(20);
      assertThat(ItStack.status(port, "/healthz")).isEqualTo(200);

      proxy.up();
      await().atMost(Duration.ofSeconds(90)).until(() -> it.committed() == 51);
      assertThat(it.count("")).isEqualTo(50);
      assertThat(it.count("WHERE name = 'updated' AND id = 1")).isEqualTo(1);
      await().atMost(Duration.ofSeconds(20)).until(() -> ItStack.status(port, "/readyz") == 200);
      assertThat(ItStack.body(port, "/metrics"))
          .contains("kubecdc_sink_errors_total{kind=\"clickhouse_unavailable\"}");

      assertThat(worker.stop(30_000)).isTrue();
      thread.join(10_000);
    }
  }

  static void runQuietly(SinkWorker worker) {
    try {
      worker.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
