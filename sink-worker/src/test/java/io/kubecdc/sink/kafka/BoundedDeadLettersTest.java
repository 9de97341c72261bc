package io.kubecdc.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.sink.config.DeadLetterLimit;
import io.kubecdc.sink.fakes.RecordingDeadLetters;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BoundedDeadLettersTest {
  private final RecordingDeadLetters sent = new RecordingDeadLetters();
  private final AtomicLong nanos = new AtomicLong();
  private final BoundedDeadLetters bounded =
      new BoundedDeadLetters(sent, new DeadLetterLimit(2, 60), nanos::get);

  private static SourceRef ref(String topic, long offset) {
    return new SourceRef(topic, 0, offset, null, null, false);
  }

  @Test
  void shouldRefuseTheLetterBeyondTheLimitWithinTheWindow() {
    bounded.send(ref("a", 0), "rejected", "bad");
    nanos.addAndGet(59_000_000_000L);
    bounded.send(ref("a", 1), "rejected", "bad");
    assertThat(bounded.remaining("a")).isZero();
    assertThatThrownBy(() -> bounded.send(ref("a", 2), "decode", "not json"))
        .isInstanceOf(DeadLetterLimitException.class)
        .hasMessageContaining("more than 2 dead letters from a within 60 s")
        .hasMessageContaining("decode: not json");
    assertThat(sent.letters).extracting(l -> l.source().offset()).containsExactly(0L, 1L);
  }

  @Test
  void shouldCountEachTopicOnItsOwn() {
    bounded.send(ref("a", 0), "rejected", "bad");
    bounded.send(ref("a", 1), "rejected", "bad");
    bounded.send(ref("b", 0), "rejected", "bad");
    assertThat(bounded.remaining("b")).isEqualTo(1);
    assertThat(sent.letters).hasSize(3);
  }

  @Test
  void shouldLetLettersInAgainOnceTheOldOnesLeaveTheWindow() {
    bounded.send(ref("a", 0), "rejected", "bad");
    bounded.send(ref("a", 1), "rejected", "bad");
    nanos.addAndGet(60_000_000_000L);
    assertThat(bounded.remaining("a")).isEqualTo(2);
    bounded.send(ref("a", 2), "rejected", "bad");
    assertThat(sent.letters).hasSize(3);
  }

  @Test
  void shouldRefuseEveryLetterWithALimitOfZero() {
    BoundedDeadLetters none = new BoundedDeadLetters(sent, new DeadLetterLimit(0, 60), nanos::get);
    assertThatThrownBy(() -> none.send(ref("a", 0), "rejected", "bad"))
        .isInstanceOf(DeadLetterLimitException.class);
    assertThat(sent.letters).isEmpty();
  }
}
