package io.kubecdc.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.sink.codec.RecordDecoder;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ParallelDecodingTest {
  private final Set<String> threads = ConcurrentHashMap.newKeySet();

  /** "t<version>" decodes to a truncate at that version, anything else fails to decode. */
  private RecordDecoder decoder() {
    return value -> {
      threads.add(Thread.currentThread().getName());
      String text = new String(value, StandardCharsets.UTF_8);
      if (!text.startsWith("t")) {
        throw new DecodeException("bad record " + text);
      }
      return new ChangeEvent.Truncate(Long.parseLong(text.substring(1)), 0);
    };
  }

  private static List<ConsumerRecord<byte[], byte[]>> records(int n) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String value = i % 100 == 7 ? "x" + i : "t" + i;
      records.add(
          new ConsumerRecord<>("topic", 0, i, null, value.getBytes(StandardCharsets.UTF_8)));
    }
    return records;
  }

  @Test
  void shouldDecodeALargePollOnSeveralThreadsInItsOrder() {
    try (ParallelDecoding decoding = new ParallelDecoding(this::decoder, 3)) {
      Object[] out = decoding.decode(records(3 * ParallelDecoding.MIN_RECORDS_PER_THREAD + 5));

      for (int i = 0; i < out.length; i++) {
        if (i % 100 == 7) {
          assertThat(out[i]).isInstanceOf(DecodeException.class);
          assertThat(((DecodeException) out[i]).getMessage()).isEqualTo("bad record x" + i);
        } else {
          assertThat(out[i]).isEqualTo(new ChangeEvent.Truncate(i, 0));
        }
      }
      assertThat(threads).contains(Thread.currentThread().getName(), "sink-decode");
    }
  }

  @Test
  void shouldDecodeASmallPollOnTheLoopThreadAlone() {
    try (ParallelDecoding decoding = new ParallelDecoding(this::decoder, 3)) {
      Object[] out = decoding.decode(records(ParallelDecoding.MIN_RECORDS_PER_THREAD + 1));

      assertThat(out).hasSize(ParallelDecoding.MIN_RECORDS_PER_THREAD + 1);
      assertThat(out[0]).isEqualTo(new ChangeEvent.Truncate(0, 0));
      assertThat(threads).containsExactly(Thread.currentThread().getName());
    }
  }

  @Test
  void shouldDecodeLargeValuesOneByOne() {
    byte[] large = new byte[(int) ParallelDecoding.MAX_AHEAD_BYTES];
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      records.add(new ConsumerRecord<>("topic", 0, i, null, large));
    }
    records.add(new ConsumerRecord<>("topic", 0, 3, null, new byte[10]));
    records.add(new ConsumerRecord<>("topic", 0, 4, null, null));

    assertThat(ParallelDecoding.windowEnd(records, 0)).isEqualTo(1);
    assertThat(ParallelDecoding.windowEnd(records, 2)).isEqualTo(3);
    assertThat(ParallelDecoding.windowEnd(records, 3)).isEqualTo(5);
    assertThat(ParallelDecoding.windowEnd(records(2_000), 0)).isEqualTo(2_000);
  }

  @Test
  void shouldDecodeNothingForAnEmptyPoll() {
    try (ParallelDecoding decoding = new ParallelDecoding(this::decoder, 2)) {
      assertThat(decoding.decode(List.of())).isEmpty();
    }
  }
}
