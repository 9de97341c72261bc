package io.kubecdc.operator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.operator.status.StatusAggregator;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** What a user reads: a block on a change of state, a line when figures move, else nothing. */
class StatusRendererTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:15:30Z");

  private static PipelineView view(PartState sink, long clickhouseRows, Long lag, double fresh) {
    List<PartState> parts =
        List.of(
            PartState.ready(Part.SOURCE, "SourceChecked", "slot active"),
            PartState.ready(Part.TOPICS, "TopicsReady", "2 topic(s)"),
            PartState.ready(Part.TABLES, "TablesReady", "2 table(s) in shop"),
            PartState.ready(Part.CONNECTOR, "ConnectorRunning", "1/1 task(s) running"),
            sink);
    var summary = StatusAggregator.aggregate(Observation.of(parts), List.of(), 1, AT);
    return new PipelineView(
        "dev/shop",
        summary,
        List.of(
            new PipelineView.TableView(
                "shop.orders", OptionalLong.of(1400), OptionalLong.of(clickhouseRows), lag, fresh),
            new PipelineView.TableView(
                "shop.customers", OptionalLong.empty(), OptionalLong.empty(), null, null)));
  }

  private static final PartState READY = PartState.ready(Part.SINK, "WorkerReady", "port 8080");

  @Test
  void shouldShowConditionsPhaseAndTablesOnTheFirstCheck() {
    String text =
        StatusRenderer.render(
            null,
            view(PartState.progressing(Part.SINK, "WorkerStarting", "no answer yet"), 0, 12L, 1),
            AT);

    assertThat(text)
        .startsWith("10:15:30 dev/shop  phase Pending  Ready=False WorkerStarting")
        .contains("ConnectorReady  True    ConnectorRunning       1/1 task(s) running")
        .contains("SinkReady       False   WorkerStarting         no answer yet")
        .containsPattern("shop\\.orders +1400 +0 +12 +1\\.0s")
        .containsPattern("shop\\.customers +- +- +- +-");
  }

  @Test
  void shouldPrintOneLineWhenOnlyTheFiguresMove() {
    String text = StatusRenderer.render(view(READY, 1000, 400L, 1), view(READY, 1400, 0L, 2), AT);

    assertThat(text)
        .isEqualTo(
            "10:15:30 dev/shop Streaming | shop.orders 1400/1400 lag 0 fresh 2.0s"
                + " | shop.customers -/- lag - fresh -"
                + System.lineSeparator());
  }

  @Test
  void shouldShowATablesDeadLetters() {
    PipelineView v = view(READY, 1400, 0L, 1);
    PipelineView withDeadLetter =
        new PipelineView(
            "dev/shop",
            v.summary(),
            List.of(
                new PipelineView.TableView(
                    "shop.orders", OptionalLong.of(1400), OptionalLong.of(1399), 0L, 1.0, 1L)));

    assertThat(StatusRenderer.block(withDeadLetter, AT))
        .containsPattern("shop\\.orders +1400 +1399 +0 +1\\.0s +1");
    assertThat(StatusRenderer.line(withDeadLetter, AT))
        .contains("shop.orders 1400/1399 lag 0 fresh 1.0s dlq 1");
  }

  @Test
  void shouldPrintNothingWhenOnlyFreshnessGrows() {
    assertThat(StatusRenderer.render(view(READY, 1400, 0L, 1), view(READY, 1400, 0L, 9), AT))
        .isEmpty();
  }

  @Test
  void shouldPrintTheBlockWhenAConditionChanges() {
    PartState crashed = PartState.failed(Part.SINK, "WorkerCrashed", "exited with code 2");
    String text = StatusRenderer.render(view(READY, 1400, 0L, 1), view(crashed, 1400, 0L, 1), AT);

    assertThat(text)
        .contains("phase Failed  Ready=False WorkerCrashed")
        .contains("SinkReady       False   WorkerCrashed          exited with code 2");
  }

  @Test
  void shouldCountAPipelineCaughtUpOnlyWhenReadyWithoutLagAndWithEqualRows() {
    PipelineView one = view(READY, 1400, 0L, 1);
    assertThat(one.caughtUp()).as("customers not counted").isFalse();
    var ready = one.summary();
    var orders = one.tables().get(0);
    assertThat(new PipelineView("dev/shop", ready, List.of(orders)).caughtUp()).isTrue();
    assertThat(
            new PipelineView(
                    "dev/shop",
                    ready,
                    List.of(
                        new PipelineView.TableView(
                            "shop.orders", OptionalLong.of(1400), OptionalLong.of(1399), 0L, 1.0)))
                .caughtUp())
        .isFalse();
    assertThat(RunLoop.failing(one))
        .isEqualTo("  dev/shop Ready, but not caught up: shop.customers -/- lag - fresh -");
  }
}
