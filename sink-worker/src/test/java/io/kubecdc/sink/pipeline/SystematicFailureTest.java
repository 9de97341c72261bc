package io.kubecdc.sink.pipeline;

import static io.kubecdc.sink.fakes.Rows.ref;
import static io.kubecdc.sink.fakes.Rows.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.sink.config.DeadLetterLimit;
import io.kubecdc.sink.fakes.Fixtures;
import io.kubecdc.sink.kafka.DeadLetterLimitException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A failure that is not about one row's data costs no row: retried, never dead-lettered. */
class SystematicFailureTest {
  final Fixtures f = new Fixtures();
  private SinkContext ctx;

  /** A table holding one pending row per name, sharing one context (and dead-letter limit). */
  private TableSink sinkWith(String... names) {
    if (ctx == null) {
      ctx = f.context();
    }
    TableSink sink = new TableSink(Fixtures.ORDERS, ctx);
    for (int i = 0; i < names.length; i++) {
      sink.accept(upsert(i + 1, "id", (long) i, "name", names[i]), ref(i));
    }
    return sink;
  }

  @Test
  void shouldRetryAStatementRefusedForASystematicReasonUntilItIsAccepted() {
    f.gateway.refuseFor = 2;
    sinkWith("a", "b").flush();
    assertThat(f.sleeps).hasSize(2);
    assertThat(f.gateway.inserted).hasSize(2);
    assertThat(f.deadLetters.letters).isEmpty();
  }

  @Test
  void shouldRetryABatchWhoseRowsAreAllRejectedAlikeInsteadOfDeadLetteringThem() {
    f.onSleep = () -> f.gateway.rejectPoison = false; // the cause is fixed while backing off
    String[] rows = new String[Bisection.SYSTEMATIC_MIN_ROWS];
    Arrays.fill(rows, "poison");
    sinkWith(rows).flush();
    assertThat(f.sleeps).hasSize(1);
    assertThat(f.gateway.inserted).hasSize(rows.length);
    assertThat(f.deadLetters.letters).isEmpty();
  }

  @Test
  void shouldNotBisectAgainWhileTheWholeBatchFailsTheSameWay() {
    int[] sleeps = {0};
    f.onSleep = () -> f.gateway.rejectPoison = ++sleeps[0] < 3;
    String[] rows = new String[Bisection.SYSTEMATIC_MIN_ROWS];
    Arrays.fill(rows, "poison");
    sinkWith(rows).flush();
    // one bisection (2n-1 rejected inserts), then one rejected insert for each of two retries
    long rejectedInserts = f.gateway.calls.stream().filter(c -> c.startsWith("rejected")).count();
    assertThat(rejectedInserts).isEqualTo(2L * rows.length - 1 + 2);
    assertThat(f.gateway.inserted).hasSize(rows.length);
    assertThat(f.deadLetters.letters).isEmpty();
  }

  @Test
  void shouldStillDeadLetterTheFewBadRowsOfASmallBatch() {
    sinkWith("poison", "poison").flush();
    assertThat(f.deadLetters.letters).hasSize(2);
    assertThat(f.sleeps).isEmpty();
  }

  @Test
  void shouldDeadLetterNothingOfABatchWithMoreBadRowsThanTheLimitAllows() {
    f.deadLetterLimit = new DeadLetterLimit(2, 60);
    TableSink sink = sinkWith("ok", "poison", "poison", "poison", "ok");
    assertThatThrownBy(sink::flush)
        .isInstanceOf(DeadLetterLimitException.class)
        .hasMessageContaining("more rows rejected than deadLetterLimit allows");
    assertThat(f.deadLetters.letters).isEmpty();
  }

  @Test
  void shouldHaltAtTheLetterBeyondTheLimitAcrossBatches() {
    f.deadLetterLimit = new DeadLetterLimit(2, 60);
    sinkWith("ok", "poison").flush();
    sinkWith("poison", "ok").flush();
    assertThatThrownBy(sinkWith("ok", "poison")::flush)
        .isInstanceOf(DeadLetterLimitException.class);
    assertThat(f.deadLetters.letters).hasSize(2);
  }
}
