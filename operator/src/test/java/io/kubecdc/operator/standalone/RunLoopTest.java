package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.Requests;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's exits: caught up, timed out with the cause, stopped; the workers stop with it. */
class RunLoopTest {
  @TempDir Path dir;
  final ScriptedCore core = new ScriptedCore();
  final FakeWorkers workers = new FakeWorkers();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  RunLoop loop(Optional<Duration> once) {
    return loop(once, List.of(run(Requests.request(), 7)));
  }

  /** A pipeline whose ClickHouse tables hold {@code clickhouseRows} of PostgreSQL's 7. */
  PipelineRun run(PipelineRequest request, long clickhouseRows) {
    RowCounts counts =
        r ->
            r.spec().getSource().getTables().stream()
                .map(t -> new RowCounts.Counts(OptionalLong.of(7), OptionalLong.of(clickhouseRows)))
                .toList();
    Path folder = dir.resolve(request.name());
    return new PipelineRun(request, core, workers.supervisor(folder), counts, Clock.systemUTC());
  }

  RunLoop loop(Optional<Duration> once, List<PipelineRun> runs) {
    return new RunLoop(
        runs,
        Duration.ofHours(1),
        once,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        Clock.systemUTC());
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldExitZeroOnceCaughtUpOnTwoChecksInARow() throws Exception {
    try (RunLoop loop = loop(Optional.of(Duration.ofMinutes(1)))) {
      assertThat(loop.run()).isEqualTo(RunLoop.CAUGHT_UP);
    }
    assertThat(core.calls.get()).isEqualTo(2);
    assertThat(printed())
        .contains("prod/orders  phase Streaming  Ready=True Streaming")
        .containsOnlyOnce("phase Streaming")
        .contains(" prod/orders Streaming | public.customers 7/7 lag 0 fresh - | public.orders 7/7")
        .endsWith("caught up: ClickHouse holds every row of PostgreSQL, no lag\n");
    assertThat(workers.started).singleElement().matches(w -> !w.alive, "stopped on close");
  }

  @Test
  void shouldExitOneOnTimeoutNamingTheFailingCondition() throws Exception {
    core.connector =
        PartState.failed(Part.CONNECTOR, "ConnectorTaskFailed", "task 0 failed: slot in use");
    try (RunLoop loop = loop(Optional.of(Duration.ofMillis(1)))) {
      Thread.sleep(5);
      assertThat(loop.run()).isEqualTo(RunLoop.NOT_CAUGHT_UP);
    }
    assertThat(printed())
        .contains("not caught up after 0 s:")
        .contains(
            "  prod/orders ConnectorReady=False ConnectorTaskFailed: task 0 failed: slot in use");
  }

  @Test
  void shouldWaitForEveryPipelineAndNameTheOneThatIsBehind() throws Exception {
    var other = Requests.request();
    other =
        new PipelineRequest(
            other.namespace(),
            "customers",
            1,
            other.spec(),
            other.environment(),
            other.secrets(),
            List.of());
    try (RunLoop loop =
        loop(
            Optional.of(Duration.ofMillis(1)),
            List.of(run(Requests.request(), 7), run(other, 6)))) {
      assertThat(loop.run()).isEqualTo(RunLoop.NOT_CAUGHT_UP);
    }
    assertThat(printed())
        .contains("prod/orders  phase Streaming")
        .contains("prod/customers  phase Streaming")
        .contains("  prod/customers Ready, but not caught up: public.customers 7/6 lag 0")
        .doesNotContain("prod/orders Ready, but not caught up");
    assertThat(workers.started).hasSize(2).allMatch(w -> !w.alive, "stopped on close");
  }

  @Test
  void shouldReturnWhenStoppedFromAnotherThread() throws Exception {
    RunLoop loop = loop(Optional.empty());
    int[] exit = {-1};
    Thread t = new Thread(() -> exit[0] = runQuietly(loop));
    t.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> core.calls.get() >= 1);
    loop.stop();
    t.join(10_000);
    loop.close();
    assertThat(exit[0]).isZero();
    assertThat(workers.started).singleElement().matches(w -> !w.alive, "stopped on close");
  }

  private static int runQuietly(RunLoop loop) {
    try {
      return loop.run();
    } catch (InterruptedException e) {
      return -2;
    }
  }
}
