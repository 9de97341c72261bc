package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.operator.core.LoadAndReader;
import io.kubecdc.operator.core.StackPipeline;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint bump through {@code kubecdc run} on the real stack, done as a user of the standalone
 * runner does it: by editing {@code spec.checkpoint.version} in the running pipeline's file. Under
 * a steady write load, with a reader polling the stable view the whole time, generation 2 is built
 * beside generation 1 and goes Live; the reader saw no error and no drop, the view reads {@code
 * orders_v2}, ClickHouse equals PostgreSQL value by value, generation 1 is Retired with its table
 * dropped and its worker process gone, and {@code kubecdc status --state-dir} shows the history.
 * Prints what it measured ({@code standalone_cutover_measured}).
 */
@LocalStackTest
class StandaloneCheckpointIT {
  private static final int ROWS = 5_000;

  private final StackEndpoints stack;
  private final String id = "sck" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;
  private StackPipeline source;

  StandaloneCheckpointIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldSwitchToTheRebuiltGenerationWhenTheFileRaisesTheVersion() throws Exception {
    source = new StackPipeline(stack, dir, id);
    LoadAndReader.createOrders(source, id, ROWS);
    try (StackRun run = new StackRun(stack, dir, id, 1.0);
        ClientV2Gateway ch = source.clickhouse()) {
      run.start();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions() // the database is created by the run's first check
          .until(() -> liveRows(ch) == ROWS);

      try (LoadAndReader load = new LoadAndReader(stack, id, ROWS)) {
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.reads() > 20);
        run.writeVersion(2);
        long bumped = System.nanoTime();
        await()
            .atMost(Duration.ofSeconds(150))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> state(run, 2) == GenerationState.Live);
        long live = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).until(() -> load.readsAfter(live) > 10);
        load.stop();
        System.out.printf(
            "standalone_cutover_measured rows=%d bump_to_live_ms=%d %s%n",
            ROWS, (live - bumped) / 1_000_000, load.seen());
        load.assertNoErrorNoDrop();
      }
      assertThat(run.printed())
          .contains("applied the edited files to it/" + id + " (generation 2)");
      assertThat(source.viewQuery(ch, "orders"))
          .as("the stable view reads generation 2")
          .contains("orders_v2");
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                assertThat(
                        StackPipeline.rows(
                            ch, "SELECT id, amount, note FROM `" + id + "`.orders ORDER BY id"))
                    .as("ClickHouse (through the stable view) equals PostgreSQL")
                    .isEqualTo(
                        source.pgRows(
                            "SELECT id, amount, note FROM " + id + ".orders ORDER BY id"));
                assertThat(
                        StackPipeline.rows(
                            ch,
                            "SELECT name FROM system.tables WHERE database = '"
                                + id
                                + "' ORDER BY name"))
                    .as("generation 1's table dropped after the retention")
                    .containsExactly("orders", "orders_v2");
                assertThat(generation(run, 1).getTablesDropped()).isTrue();
              });

      GenerationStatus v1 = generation(run, 1);
      GenerationStatus v2 = generation(run, 2);
      assertThat(v1.getState()).isEqualTo(GenerationState.Retired);
      assertThat(v1.getMessage()).contains("replaced by generation 2");
      assertThat(v2.getSource()).isEqualTo(RebuildSource.Topics);
      assertThat(v2.getLiveAt()).isNotNull();
      assertThat(StackRun.workerRunsWith(run.pipelineState().resolve("sink.yaml")))
          .as("generation 1's worker process is gone")
          .isFalse();
      assertThat(StackRun.workerRunsWith(run.pipelineState().resolve("sink-v2.yaml"))).isTrue();
      String status = run.status();
      System.out.println(status);
      assertThat(status)
          .containsPattern("(?m)^it +" + id + " .* Streaming .* 2$")
          .contains("it/" + id + " generations:")
          .containsPattern("(?m)^  v1 Retired.*, tables dropped: .*replaced by generation 2")
          .containsPattern("(?m)^  v2 Live.* from Topics, started .*, live ");
      assertThat(run.pipelineState().resolve("generations.json"))
          .content()
          .contains("\"state\":\"Retired\"", "\"state\":\"Live\"");
    }
  }

  private long liveRows(ClientV2Gateway ch) {
    return Long.parseLong(
        StackPipeline.rows(ch, "SELECT count() FROM `" + id + "`.orders FINAL WHERE _deleted = 0")
            .get(0));
  }

  /** The generation's state in the run's status file; null before it appears. */
  static GenerationState state(StackRun run, int version) {
    return generations(run).stream()
        .filter(g -> g.getVersion() == version)
        .map(GenerationStatus::getState)
        .findFirst()
        .orElse(null);
  }

  static GenerationStatus generation(StackRun run, int version) {
    return generations(run).stream()
        .filter(g -> g.getVersion() == version)
        .findFirst()
        .orElseThrow();
  }

  private static List<GenerationStatus> generations(StackRun run) {
    var status = StatusFile.read(run.pipelineState().getParent()).get(0).pipeline().getStatus();
    return status == null ? List.of() : status.getGenerations();
  }

  @AfterEach
  void dropSource() throws Exception {
    if (source != null) {
      source.drop();
    }
  }
}
