package io.kubecdc.operator.promotion;

import static io.kubecdc.operator.promotion.Gates.NOW;
import static io.kubecdc.operator.promotion.Gates.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.kafka.PartitionPosition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RevisionRecordTest {
  private static AppliedRevision at(AppliedRevision prev, int minute, boolean ready, Long lag) {
    return RevisionRecord.next(
        prev, spec(), ready, lag, Optional.empty(), 3L, NOW.plusSeconds(minute * 60L));
  }

  /** A check that sees, per partition of topic {@code t}, its end and the worker's position. */
  private static AppliedRevision seen(AppliedRevision prev, int minute, long[]... partitions) {
    Map<TopicPartition, PartitionPosition> positions = new HashMap<>();
    long lag = 0;
    for (int p = 0; p < partitions.length; p++) {
      positions.put(
          new TopicPartition("t", p), new PartitionPosition(partitions[p][1], partitions[p][0]));
      lag += partitions[p][0] - partitions[p][1];
    }
    return RevisionRecord.next(
        prev, spec(), true, lag, Optional.of(positions), 3L, NOW.plusSeconds(minute * 60L));
  }

  @Test
  void shouldCatchUpOnceTheWorkerCommittedWhatWasInTheTopicsAtReadyThoughWritesGoOn() {
    AppliedRevision ready = seen(null, 0, new long[] {1000, 200}, new long[] {500, 500});
    AppliedRevision behind = seen(ready, 1, new long[] {1400, 900}, new long[] {700, 600});
    AppliedRevision caughtUp = seen(behind, 2, new long[] {1900, 1000}, new long[] {900, 880});
    AppliedRevision busier = seen(caughtUp, 3, new long[] {2600, 2000}, new long[] {1200, 150});

    assertThat(ready.getReadyOffsets()).containsExactly(entry("t/0", 1000L), entry("t/1", 500L));
    assertThat(ready.getCaughtUpAt()).isNull();
    assertThat(behind.getCaughtUpAt()).as("partition 0 at 900 of 1000").isNull();
    assertThat(behind.getReadyOffsets()).isEqualTo(ready.getReadyOffsets());
    assertThat(caughtUp.getCaughtUpAt())
        .as("lag 920 but every event of readySince committed")
        .isEqualTo("2026-12-01T12:02:00Z");
    assertThat(caughtUp.getMaxLag()).as("the lag at the check that caught up").isEqualTo(920L);
    assertThat(busier.getCaughtUpAt()).isEqualTo("2026-12-01T12:02:00Z");
    assertThat(busier.getMaxLag()).as("the highest since it caught up").isEqualTo(1650L);
    assertThat(busier.getReadyOffsets()).isEqualTo(ready.getReadyOffsets());
  }

  @Test
  void shouldTakeTheTargetAtTheFirstCheckKafkaAnsweredAndStartItOverWithReady() {
    AppliedRevision unknown = at(null, 0, true, null);
    AppliedRevision known = seen(unknown, 1, new long[] {300, 100});
    AppliedRevision lost = at(known, 2, false, 200L);
    AppliedRevision again = seen(lost, 3, new long[] {800, 350});

    assertThat(unknown.getReadyOffsets()).isNull();
    assertThat(unknown.getCaughtUpAt()).isNull();
    assertThat(known.getReadySince()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(known.getReadyOffsets()).containsExactly(entry("t/0", 300L));
    assertThat(lost.getReadyOffsets()).isNull();
    assertThat(again.getReadyOffsets())
        .as("350 >= 300, but the window started over at 12:03")
        .containsExactly(entry("t/0", 800L));
    assertThat(again.getCaughtUpAt()).isNull();
  }

  @Test
  void shouldNotCatchUpOnAPartitionTheWorkerNoLongerSees() {
    Map<String, Long> target = Map.of("t/0", 10L, "gone/0", 5L);
    var positions =
        Optional.of(Map.of(new TopicPartition("t", 0), new PartitionPosition(15L, 20L)));

    assertThat(RevisionRecord.caughtUp(target, positions, 5L)).isFalse();
    assertThat(RevisionRecord.caughtUp(Map.of("t/0", 10L), positions, 5L)).isTrue();
    assertThat(RevisionRecord.caughtUp(null, Optional.empty(), 0L)).as("lag 0").isTrue();
    assertThat(RevisionRecord.caughtUp(null, Optional.empty(), 1L)).isFalse();
  }

  @Test
  void shouldRecordWhenTheRevisionWasAppliedBecameReadyAndCaughtUp() {
    AppliedRevision applied = at(null, 0, false, null);
    AppliedRevision ready = at(applied, 1, true, 500L);
    AppliedRevision caughtUp = at(ready, 2, true, 0L);
    AppliedRevision later = at(caughtUp, 3, true, 42L);
    AppliedRevision calmer = at(later, 4, true, 1L);

    assertThat(applied.getRevision()).isEqualTo(PipelineRevision.of(spec()));
    assertThat(applied.getAppliedAt()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(applied.getReadySince()).isNull();
    assertThat(ready.getReadySince()).isEqualTo("2026-12-01T12:01:00Z");
    assertThat(ready.getCaughtUpAt()).isNull();
    assertThat(caughtUp.getCaughtUpAt()).isEqualTo("2026-12-01T12:02:00Z");
    assertThat(calmer.getAppliedAt()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(calmer.getReadySince()).isEqualTo("2026-12-01T12:01:00Z");
    assertThat(calmer.getMaxLag()).as("the highest since it caught up").isEqualTo(42L);
    assertThat(calmer.getDeadLettersAtReady()).isEqualTo(3L);
  }

  @Test
  void shouldStartOverWhenReadyIsLostOrTheRevisionChanges() {
    AppliedRevision caughtUp = at(at(null, 0, true, 0L), 1, true, 9L);

    AppliedRevision lost = at(caughtUp, 2, false, 9L);
    AppliedRevision other =
        RevisionRecord.next(
            caughtUp, Gates.changed(), true, 0L, Optional.empty(), 3L, NOW.plusSeconds(180));

    assertThat(lost.getReadySince()).isNull();
    assertThat(lost.getCaughtUpAt()).isNull();
    assertThat(lost.getAppliedAt()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(other.getAppliedAt()).isEqualTo("2026-12-01T12:03:00Z");
    assertThat(other.getReadySince()).isEqualTo("2026-12-01T12:03:00Z");
    assertThat(other.getMaxLag()).isZero();
  }

  @Test
  void shouldKeepTheRecordOfASpecWhoseRevisionAnOlderOperatorComputedOtherwise() {
    AppliedRevision caughtUp = at(at(null, 0, true, 0L), 1, true, 9L);
    caughtUp.setRevision("sha256:0123456789abcdef");

    AppliedRevision upgraded = at(caughtUp, 2, true, 4L);

    assertThat(RevisionRecord.records(caughtUp, PipelineRevision.of(spec()))).isTrue();
    assertThat(RevisionRecord.records(caughtUp, PipelineRevision.of(Gates.changed()))).isFalse();
    assertThat(upgraded.getRevision()).isEqualTo(PipelineRevision.of(spec()));
    assertThat(upgraded.getReadySince()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(upgraded.getCaughtUpAt()).isEqualTo("2026-12-01T12:00:00Z");
  }

  @Test
  void shouldKeepTheSpecItRuns() {
    AppliedRevision r = at(null, 0, true, 0L);

    assertThat(RevisionRecord.spec(r).map(PipelineRevision::of)).contains(r.getRevision());
    assertThat(RevisionRecord.spec(null)).isEmpty();
  }
}
