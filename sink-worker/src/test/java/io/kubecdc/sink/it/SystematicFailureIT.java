package io.kubecdc.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.config.BatchConfig;
import io.kubecdc.sink.config.SinkConfig;
import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression: a column dropped from the ClickHouse table under the running worker makes every
 * insert fail (code 16 NO_SUCH_COLUMN_IN_TABLE). That used to be bisected to single rows and the
 * whole topic went to the dead-letter topic. Now nothing is committed or dead-lettered, /readyz
 * says why, and once the column is back the rows arrive exactly.
 */
@LocalStackTest(services = {"kafka", "clickhouse"})
class SystematicFailureIT {
  private final StackEndpoints stack;

  SystematicFailureIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldHoldRowsBackWithoutDeadLetteringWhileTheTableIsBrokenAndDeliverThemAfterTheFix()
      throws Exception {
    try (ItStack it = new ItStack(stack)) {
      ItStack.Running worker = it.start(it.config(stack.clickhouseUrl(), TruncatePolicy.DELETE));
      int port = worker.port();
      it.send("k1", "1:1:a");
      it.send("k2", "2:2:b");
      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 2);

      it.alter("ALTER TABLE %s DROP COLUMN name");
      // dropping the column dropped the values of the rows already in
      List<String> expected = new ArrayList<>(List.of("1=null", "2=null"));
      for (int i = 3; i <= 12; i++) {
        it.send("k" + i, i + ":" + i + ":row " + i);
        expected.add(i + "=row " + i);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ItStack.body(port, "/readyz").contains("code 16"));
      assertThat(ItStack.status(port, "/readyz")).isEqualTo(503);
      assertThat(ItStack.body(port, "/readyz"))
          .contains("refused: insert into `sink_it`.`" + it.id + "`");
      Thread.sleep(3_000); // several retries
      assertThat(it.committed()).isEqualTo(2);
      assertThat(it.deadLetters()).isZero();
      assertThat(ItStack.status(port, "/healthz")).isEqualTo(200);
      assertThat(ItStack.body(port, "/metrics"))
          .containsPattern("kubecdc_sink_errors_total\\{kind=\"clickhouse_systematic\"\\} [1-9]");

      it.alter("ALTER TABLE %s ADD COLUMN name Nullable(String) AFTER id");
      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 12);
      assertThat(it.liveRows()).isEqualTo(expected);
      assertThat(it.deadLetters()).isZero();
      await().atMost(Duration.ofSeconds(20)).until(() -> ItStack.status(port, "/readyz") == 200);

      worker.stop();
    }
  }

  /**
   * A column type changed under the worker: every row of the RowBinary body fails to parse the same
   * way (a data error code). The bisection sees the same error for every row and none accepted, so
   * it is systematic too.
   */
  @Test
  void shouldTreatARejectionOfEveryRowAlikeAsSystematic() throws Exception {
    try (ItStack it = new ItStack(stack)) {
      SinkConfig c = it.config(stack.clickhouseUrl(), TruncatePolicy.DELETE);
      // a long flush delay keeps the rows sent below in one batch
      SinkConfig config =
          new SinkConfig(
              c.kafka(),
              c.clickhouse(),
              c.tables(),
              new BatchConfig(1000, null, 3_000L),
              c.deadLetterTopic(),
              c.deadLetterLimit(),
              c.truncate(),
              c.http(),
              c.toastPlaceholder(),
              c.health());
      ItStack.Running worker = it.start(config);
      int port = worker.port();
      it.send("k1", "1:1:a");
      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 1);

      it.alter("ALTER TABLE %s MODIFY COLUMN name Nullable(Enum8('a' = 1, 'b' = 2))");
      List<String> expected = new ArrayList<>(List.of("1=a"));
      Map<String, String> rows = new LinkedHashMap<>();
      for (int i = 2; i <= 11; i++) {
        rows.put("k" + i, i + ":" + i + ":row " + i);
        expected.add(i + "=row " + i);
      }
      // together, so that they reach the worker within one flush delay
      it.sendTogether(rows);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ItStack.body(port, "/readyz").contains("rows tried rejected alike"));
      Thread.sleep(2_000);
      assertThat(it.committed()).isEqualTo(1);
      assertThat(it.deadLetters()).isZero();

      it.alter("ALTER TABLE %s MODIFY COLUMN name Nullable(String)");
      await().atMost(Duration.ofSeconds(90)).until(() -> it.committed() == 11);
      assertThat(it.liveRows()).isEqualTo(expected);
      assertThat(it.deadLetters()).isZero();
      worker.stop();
    }
  }
}
