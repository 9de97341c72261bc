package io.kubecdc.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The freshness rule: caught up is 0, else the age of the oldest pending record, else unknown. */
class FreshnessTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final TopicPartition ORDERS_0 = new TopicPartition("orders", 0);
  private static final TopicPartition ORDERS_1 = new TopicPartition("orders", 1);
  private static final TopicPartition ITEMS_0 = new TopicPartition("items", 0);

  private static long ago(long seconds) {
    return NOW.minusSeconds(seconds).toEpochMilli();
  }

  @Test
  void shouldReadZeroForACaughtUpTopicHoweverOldItsLastRecordIs() {
    var positions = Map.of(ORDERS_0, new PartitionPosition(40, 40));

    assertThat(Freshness.lagging(positions)).isEmpty();
    assertThat(Freshness.perTopic(List.of("orders"), positions, Map.of(), NOW))
        .containsExactly(Map.entry("orders", 0L));
  }

  @Test
  void shouldTakeTheOldestPendingRecordOverTheTopicsPartitions() {
    var positions =
        Map.of(
            ORDERS_0, new PartitionPosition(10, 12),
            ORDERS_1, new PartitionPosition(5, 9),
            ITEMS_0, new PartitionPosition(7, 7));

    assertThat(Freshness.lagging(positions)).isEqualTo(Map.of(ORDERS_0, 10L, ORDERS_1, 5L));
    assertThat(
            Freshness.perTopic(
                List.of("items", "orders"),
                positions,
                Map.of(ORDERS_0, ago(30) + 400, ORDERS_1, ago(95) - 300),
                NOW))
        .as("whole seconds, in the order of the tables")
        .containsExactly(Map.entry("items", 0L), Map.entry("orders", 95L));
  }

  @Test
  void shouldLeaveATopicUnknownWhenALaggingPartitionsRecordWasNotReadNeverZero() {
    var positions =
        Map.of(ORDERS_0, new PartitionPosition(10, 12), ORDERS_1, new PartitionPosition(5, 9));

    assertThat(Freshness.perTopic(List.of("orders"), positions, Map.of(ORDERS_0, ago(3)), NOW))
        .isEmpty();
    assertThat(Freshness.perTopic(List.of("absent"), positions, Map.of(), NOW))
        .as("a topic without partitions has no figure, as it has no lag")
        .isEmpty();
  }

  @Test
  void shouldNotGoNegativeWhenTheBrokersClockIsAhead() {
    var positions = Map.of(ORDERS_0, new PartitionPosition(1, 2));

    assertThat(Freshness.perTopic(List.of("orders"), positions, Map.of(ORDERS_0, ago(-5)), NOW))
        .containsExactly(Map.entry("orders", 0L));
  }

  @Test
  void shouldGiveThePipelineTheStalestTableAndUnknownWhenOneTableIs() {
    assertThat(Freshness.stalest(List.of(0L, 12L, 3L))).isEqualTo(12L);
    assertThat(Freshness.stalest(Arrays.asList(0L, null, 3L))).isNull();
    assertThat(Freshness.stalest(List.of())).isNull();
  }
}
