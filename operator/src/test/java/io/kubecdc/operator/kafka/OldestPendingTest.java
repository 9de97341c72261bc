package io.kubecdc.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Reading the first pending record of each lagging partition, bounded in time. */
class OldestPendingTest {
  private static final TopicPartition P0 = new TopicPartition("orders", 0);
  private static final TopicPartition P1 = new TopicPartition("orders", 1);
  private final MockConsumer<byte[], byte[]> consumer =
      new MockConsumer<>(OffsetResetStrategy.EARLIEST);

  private static ConsumerRecord<byte[], byte[]> record(TopicPartition tp, long offset, long ts) {
    return new ConsumerRecord<>(
        tp.topic(),
        tp.partition(),
        offset,
        ts,
        TimestampType.CREATE_TIME,
        0,
        0,
        new byte[0],
        new byte[0],
        new RecordHeaders(),
        Optional.empty());
  }

  private OldestPending reader(Duration timeout) {
    return new OldestPending("unused:9092", Map.of(), timeout, config -> consumer);
  }

  @Test
  void shouldTakeTheTimestampOfTheRecordAtTheGroupsNextOffsetOfEachPartition() {
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.schedulePollTask(
        () -> {
          consumer.addRecord(record(P0, 3, 1_000));
          consumer.addRecord(record(P0, 4, 2_000));
          consumer.addRecord(record(P1, 7, 5_000));
        });

    assertThat(reader(Duration.ofSeconds(5)).timestamps(Map.of(P0, 3L, P1, 7L)))
        .isEqualTo(Map.of(P0, 1_000L, P1, 5_000L));
    assertThat(consumer.closed()).as("short-lived").isTrue();
  }

  @Test
  void shouldGiveNothingWithinItsTimeoutWhenKafkaDoesNotAnswer() {
    int closedPort = io.kubecdc.stack.FreePorts.any();
    long start = System.nanoTime();

    var read =
        new OldestPending("127.0.0.1:" + closedPort, Map.of(), Duration.ofSeconds(2))
            .timestamps(Map.of(P0, 3L));

    assertThat(read).as("unknown, not a timestamp that would read as fresh").isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("bounded: a reconcile waits seconds, not the client's default minute")
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void shouldLeaveOutAPartitionThatGaveNoRecordWithinTheTimeout() {
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.schedulePollTask(() -> consumer.addRecord(record(P0, 3, 1_000)));

    assertThat(reader(Duration.ofMillis(300)).timestamps(Map.of(P0, 3L, P1, 7L)))
        .isEqualTo(Map.of(P0, 1_000L));
  }
}
