package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM flushes the rows the worker holds and commits their offsets before it exits 0. */
@LocalStackTest
class GracefulShutdownIT {
  @TempDir Path dir;

  @Test
  void shouldFlushAndCommitOnSigterm(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable("notes", "id bigint PRIMARY KEY, body text");
      f.startConnector();
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id", "Int64");
      columns.put("body", "Nullable(String)");
      int port = CdcFixture.freePort();
      // rows would wait a minute for their flush: only the shutdown can write them in time
      Path config =
          f.workerConfig(
              List.of(new TargetTable("notes", List.of("id"), columns)),
              port,
              "batch:\n  maxDelayMs: 60000\n");
      WorkerProcess worker = f.worker(config, port).start();
      worker.awaitReady();
      f.pg("INSERT INTO " + f.id + ".notes SELECT g, 'note ' || g FROM generate_series(1, 500) g");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> worker.metric("kubecdc_sink_events_total") >= 500);
      assertThat(f.chLong("SELECT count() FROM " + f.id + ".notes"))
          .as("held by the worker, not yet flushed")
          .isZero();

      assertThat(worker.terminate()).isZero();

      assertThat(f.chLong("SELECT count() FROM " + f.id + ".notes FINAL")).isEqualTo(500);
      assertThat(CrashRecoveryIT.committedLag(f)).isZero();
    }
  }
}
