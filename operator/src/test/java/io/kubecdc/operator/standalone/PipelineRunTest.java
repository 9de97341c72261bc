package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.core.Requests;
import io.kubecdc.operator.status.ConditionRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One check of one pipeline: the core's parts, the worker's readiness and the table figures. */
class PipelineRunTest {
  @TempDir Path dir;
  final ScriptedCore core = new ScriptedCore();
  final FakeWorkers workers = new FakeWorkers();
  final PipelineRequest request = Requests.request();
  volatile long clickhouseRows = 5;

  PipelineRun run() {
    RowCounts counts =
        r ->
            r.spec().getSource().getTables().stream()
                .map(t -> new RowCounts.Counts(OptionalLong.of(5), OptionalLong.of(clickhouseRows)))
                .toList();
    return new PipelineRun(request, core, workers.supervisor(dir), counts, Clock.systemUTC());
  }

  private static ConditionRecord condition(PipelineView v, String type) {
    return v.summary().conditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldAddTheWorkersReadinessAndJoinLagRowsAndTheCoresFreshnessPerTable() {
    core.freshness = Map.of("public.orders", 3L);
    PipelineView v = run().check();

    assertThat(workers.started).hasSize(1);
    assertThat(condition(v, "SinkReady").reason()).isEqualTo("WorkerReady");
    assertThat(v.ready()).isTrue();
    assertThat(v.caughtUp()).isTrue();
    assertThat(v.tables())
        .extracting(PipelineView.TableView::name, PipelineView.TableView::fresh)
        .containsExactly(
            tuple("public.customers", null),
            tuple("public.orders", 3.0),
            tuple("\"Sales\".\"Order Items\"", null));
  }

  @Test
  void shouldWriteTheStatusWithRevisionAndFreshnessForKubecdcStatus() {
    core.freshness =
        Map.of("public.customers", 1L, "public.orders", 7L, "\"Sales\".\"Order Items\"", 0L);
    RowCounts counts =
        r ->
            r.spec().getSource().getTables().stream()
                .map(t -> new RowCounts.Counts(OptionalLong.of(5), OptionalLong.of(5)))
                .toList();
    StateDir state = new StateDir(dir.resolve("state"));
    var run = workers.run(request, core, counts, dir, state, GenerationHistory.inMemory());

    run.check();

    assertThat(StatusFile.read(state.root()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.pipeline().getStatus().getFreshnessSeconds())
                  .as("the stalest table's, as in a cluster")
                  .isEqualTo(7L);
              assertThat(s.pipeline().getMetadata().getName()).isEqualTo(request.name());
              assertThat(s.pipeline().getStatus().getRevision())
                  .isEqualTo(io.kubecdc.api.revision.PipelineRevision.of(request.spec()));
              assertThat(s.pipeline().getStatus().getPhase())
                  .isEqualTo(io.kubecdc.api.crd.v1alpha1.Phase.Streaming);
            });
    assertThat(state.pipeline(request.names()).resolve("status.yaml"))
        .content()
        .doesNotContain(Requests.CLICKHOUSE_PASSWORD)
        .doesNotContain(Requests.SOURCE_PASSWORD);
  }

  @Test
  void shouldNotCountAPipelineWithFewerRowsInClickHouseAsCaughtUp() {
    clickhouseRows = 4;
    assertThat(run().check().caughtUp()).isFalse();
  }

  @Test
  void shouldShowAnUnexpectedCoreFailureAsUnknownAndRecoverAtTheNextCheck() {
    PipelineRun run = run();
    core.failure = new IllegalStateException("Connect answered 500");
    PipelineView failed = run.check();
    assertThat(failed.summary().ready().status()).isEqualTo("Unknown");
    assertThat(failed.summary().ready().reason()).isEqualTo("ReconcileError");
    assertThat(failed.summary().ready().message()).contains("Connect answered 500");
    assertThat(workers.started).isEmpty();

    core.failure = null;
    PipelineView recovered = run.check();
    assertThat(recovered.ready()).isTrue();
    assertThat(workers.started).hasSize(1);
  }

  @Test
  void shouldKeepTheGenerationsInTheStatusFileWhenACheckFails() {
    StateDir state = new StateDir(dir.resolve("state"));
    var live = new GenerationStatus();
    live.setVersion(2);
    live.setState(GenerationState.Live);
    GenerationHistory history = GenerationHistory.inMemory();
    history.save(List.of(live));
    var run = workers.run(request, core, r -> List.of(), dir, state, history);
    core.failure = new IllegalStateException("Connect answered 500");

    run.check();

    assertThat(StatusFile.read(state.root()).get(0).pipeline().getStatus().getGenerations())
        .extracting(GenerationStatus::getVersion)
        .containsExactly(2);
  }

  @Test
  void shouldKeepTransitionTimesWhileAConditionHolds() throws Exception {
    PipelineRun run = run();
    var first = run.check().summary().ready().lastTransitionTime();
    Thread.sleep(5);
    assertThat(run.check().summary().ready().lastTransitionTime()).isEqualTo(first);
    assertThat(core.calls.get()).isEqualTo(2);
  }
}
