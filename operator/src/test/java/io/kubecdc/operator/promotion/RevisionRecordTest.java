package io.kubecdc.operator.promotion;

import static io.kubecdc.operator.promotion.Gates.NOW;
import static io.kubecdc.operator.promotion.Gates.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.api.crd.v1alpha1.AppliedRevision;
import io.kubecdc.api.revision.PipelineRevision;
import org.junit.jupiter.api.Test;

class RevisionRecordTest {
  private static AppliedRevision at(AppliedRevision prev, int minute, boolean ready, Long lag) {
    return RevisionRecord.next(prev, spec(), ready, lag, 3L, NOW.plusSeconds(minute * 60L));
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
        RevisionRecord.next(caughtUp, Gates.changed(), true, 0L, 3L, NOW.plusSeconds(180));

    assertThat(lost.getReadySince()).isNull();
    assertThat(lost.getCaughtUpAt()).isNull();
    assertThat(lost.getAppliedAt()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(other.getAppliedAt()).isEqualTo("2026-12-01T12:03:00Z");
    assertThat(other.getReadySince()).isEqualTo("2026-12-01T12:03:00Z");
    assertThat(other.getMaxLag()).isZero();
  }

  @Test
  void shouldKeepTheSpecItRuns() {
    AppliedRevision r = at(null, 0, true, 0L);

    assertThat(RevisionRecord.spec(r).map(PipelineRevision::of)).contains(r.getRevision());
    assertThat(RevisionRecord.spec(null)).isEmpty();
  }
}
