package io.kubecdc.operator.status;

import static io.kubecdc.operator.status.PartState.failed;
import static io.kubecdc.operator.status.PartState.progressing;
import static io.kubecdc.operator.status.PartState.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.api.crd.v1alpha1.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static List<PartState> allReady() {
    List<PartState> parts = new ArrayList<>();
    for (Part p : Part.values()) {
      parts.add(ready(p, "Ready", p.conditionType() + " ok"));
    }
    return parts;
  }

  @Test
  void shouldBeReadyAndStreamingWhenEveryPartIsReady() {
    StatusSummary s = StatusAggregator.aggregate(Observation.of(allReady()), List.of(), 4, T0);

    assertThat(s.phase()).isEqualTo(Phase.Streaming);
    assertThat(s.conditions())
        .extracting(ConditionRecord::type)
        .containsExactly(
            "SourceReady", "TopicsReady", "TablesReady", "ConnectorReady", "SinkReady", "Ready");
    assertThat(s.ready().status()).isEqualTo("True");
    assertThat(s.ready().reason()).isEqualTo("Streaming");
    assertThat(s.conditions()).allSatisfy(c -> assertThat(c.observedGeneration()).isEqualTo(4));
  }

  @Test
  void shouldBlameTheFirstFailedPartAndBlockTheOnesAfterIt() {
    List<PartState> parts = allReady();
    parts.set(
        0, failed(Part.SOURCE, "WalLevelNotLogical", "wal_level is replica: ALTER SYSTEM SET ..."));
    parts.set(3, failed(Part.CONNECTOR, "TaskFailed", "a symptom downstream"));

    StatusSummary s = StatusAggregator.aggregate(Observation.of(parts), List.of(), 1, T0);

    assertThat(s.phase()).isEqualTo(Phase.Failed);
    assertThat(s.ready().status()).isEqualTo("False");
    assertThat(s.ready().reason()).isEqualTo("WalLevelNotLogical");
    assertThat(s.ready().message()).startsWith("SourceReady: wal_level is replica");
    assertThat(s.conditions().get(3).status()).isEqualTo("Unknown");
    assertThat(s.conditions().get(3).reason()).isEqualTo("Blocked");
    assertThat(s.conditions().get(3).message()).isEqualTo("waiting for SourceReady");
  }

  @Test
  void shouldBlameAFailedPartRatherThanTheOnesBeforeItThatWereNotChecked() {
    List<PartState> parts =
        List.of(failed(Part.TABLES, "SecretNotFound", "Secret ns/ch not found"));

    StatusSummary s = StatusAggregator.aggregate(Observation.of(parts), List.of(), 1, T0);

    assertThat(s.ready().status()).isEqualTo("False");
    assertThat(s.ready().reason()).isEqualTo("SecretNotFound");
    assertThat(s.ready().message()).isEqualTo("TablesReady: Secret ns/ch not found");
    assertThat(s.conditions().get(0).reason()).isEqualTo("NotChecked");
    assertThat(s.conditions().get(3).reason()).isEqualTo("Blocked");
    assertThat(s.phase()).isEqualTo(Phase.Failed);
  }

  @Test
  void shouldShowACauseThatEveryPartSharesOnEachAndNameNoPartInReady() {
    List<PartState> parts = new ArrayList<>();
    for (Part p : Part.values()) {
      parts.add(failed(p, "EnvironmentNotFound", "CdcEnvironment ns/default not found"));
    }

    StatusSummary s = StatusAggregator.aggregate(Observation.of(parts), List.of(), 1, T0);

    assertThat(s.conditions())
        .allSatisfy(c -> assertThat(c.reason()).isEqualTo("EnvironmentNotFound"))
        .allSatisfy(c -> assertThat(c.status()).isEqualTo("False"));
    assertThat(s.ready().message()).isEqualTo("CdcEnvironment ns/default not found");
  }

  @Test
  void shouldBePendingWhileAPartIsBeingCreated() {
    List<PartState> parts = allReady();
    parts.set(4, progressing(Part.SINK, "WorkerStarting", "0/1 workers ready"));

    StatusSummary s = StatusAggregator.aggregate(Observation.of(parts), List.of(), 1, T0);

    assertThat(s.phase()).isEqualTo(Phase.Pending);
    assertThat(s.ready().status()).isEqualTo("False");
    assertThat(s.ready().message()).isEqualTo("SinkReady: 0/1 workers ready");
  }

  @Test
  void shouldStayReadyButSayDegradedWhenAPartNeedsAttention() {
    List<PartState> parts = allReady();
    parts.set(
        0, new PartState(Part.SOURCE, Health.DEGRADED, "SlotWalGrowing", "slot retains 9 GiB"));

    StatusSummary s = StatusAggregator.aggregate(Observation.of(parts), List.of(), 1, T0);

    assertThat(s.phase()).isEqualTo(Phase.Degraded);
    assertThat(s.ready().status()).isEqualTo("True");
    assertThat(s.ready().reason()).isEqualTo("Degraded");
    assertThat(s.ready().message()).isEqualTo("SourceReady: slot retains 9 GiB");
  }

  @Test
  void shouldReportPausedSnapshottingAndDeletingPhases() {
    Observation ok = Observation.of(allReady());
    assertThat(StatusAggregator.aggregate(ok.paused(true), List.of(), 1, T0).phase())
        .isEqualTo(Phase.Paused);
    assertThat(StatusAggregator.aggregate(ok.snapshotting(true), List.of(), 1, T0).phase())
        .isEqualTo(Phase.Snapshotting);
    assertThat(StatusAggregator.aggregate(ok.deleting(true), List.of(), 1, T0).phase())
        .isEqualTo(Phase.Deleting);
  }

  @Test
  void shouldMoveTransitionTimesOnlyWhenAStatusChanges() {
    StatusSummary first = StatusAggregator.aggregate(Observation.of(allReady()), List.of(), 1, T0);
    StatusSummary same =
        StatusAggregator.aggregate(Observation.of(allReady()), first.conditions(), 1, T1);
    assertThat(same).isEqualTo(first);

    List<PartState> broken = allReady();
    broken.set(4, failed(Part.SINK, "CrashLoop", "worker exits with code 2"));
    StatusSummary changed =
        StatusAggregator.aggregate(Observation.of(broken), first.conditions(), 2, T1);
    assertThat(changed.conditions().get(4).lastTransitionTime()).isEqualTo(T1);
    assertThat(changed.conditions().get(0).lastTransitionTime()).isEqualTo(T0);
    assertThat(changed.ready().lastTransitionTime()).isEqualTo(T1);
  }

  @Test
  void shouldSayWhatWasNotCheckedYet() {
    StatusSummary s =
        StatusAggregator.aggregate(
            Observation.of(List.of(ready(Part.SOURCE, "Ready", "ok"))), List.of(), 1, T0);
    assertThat(s.conditions().get(1).status()).isEqualTo("Unknown");
    assertThat(s.ready().status()).isEqualTo("Unknown");
    assertThat(s.ready().reason()).isEqualTo("NotChecked");
    assertThat(s.phase()).isEqualTo(Phase.Pending);
  }

  @Test
  void shouldRefuseReasonsThatAreNotCamelCase() {
    assertThatThrownBy(() -> failed(Part.SOURCE, "wal level", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
