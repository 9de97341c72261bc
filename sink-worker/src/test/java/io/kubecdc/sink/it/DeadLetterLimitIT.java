package io.kubecdc.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.config.DeadLetterLimit;
import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * More bad rows than {@code deadLetterLimit} allows within the window halt the worker: no more dead
 * letters, no commit past them, /readyz 503 naming the limit, alive for the operator to see.
 */
@LocalStackTest(services = {"kafka", "clickhouse"})
class DeadLetterLimitIT {
  private final StackEndpoints stack;

  DeadLetterLimitIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldStopDeadLetteringAndCommittingBeyondTheLimit() throws Exception {
    try (ItStack it = new ItStack(stack)) {
      ItStack.Running worker =
          it.start(
              it.config(stack.clickhouseUrl(), TruncatePolicy.DELETE, new DeadLetterLimit(2, 600)));
      int port = worker.port();
      it.send("k1", "1:1:a");
      it.send("k2", "2:2:poison"); // offset 1: one bad row, within the limit
      it.send("k3", "3:3:c");
      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 3);
      assertThat(it.deadLetters()).isEqualTo(1);

      for (int i = 4; i <= 9; i++) {
        it.send("k" + i, i + ":" + i + (i % 2 == 0 ? ":poison" : ":ok"));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ItStack.body(port, "/readyz").contains("halted: "));
      assertThat(ItStack.status(port, "/readyz")).isEqualTo(503);
      assertThat(ItStack.body(port, "/readyz")).contains("deadLetterLimit");
      assertThat(ItStack.body(port, "/metrics"))
          .contains("kubecdc_sink_halted{topic=\"" + it.topic + "\"} 1.0");
      it.send("k10", "10:10:after the halt");
      Thread.sleep(2_000);
      assertThat(it.deadLetters()).isLessThanOrEqualTo(2);
      assertThat(it.committed()).isLessThanOrEqualTo(4); // never past the first rejected row
      assertThat(it.count("WHERE id = 10")).isZero();
      assertThat(ItStack.status(port, "/healthz")).isEqualTo(200);

      worker.stop();
      assertThat(it.committed()).isLessThanOrEqualTo(4);
    }
  }
}
