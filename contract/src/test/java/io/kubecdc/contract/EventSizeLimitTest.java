package io.kubecdc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventSizeLimitTest {
  private static final int MIB = 1 << 20;

  @Test
  void shouldDefaultTo64MiB() {
    assertThat(EventSizeLimit.DEFAULT.maxEventBytes()).isEqualTo(64 * MIB);
  }

  @Test
  void shouldDeriveEveryClientAndTopicSettingFromTheOneLimit() {
    EventSizeLimit limit = new EventSizeLimit(8 * MIB);
    String event = Integer.toString(8 * MIB);
    String batch = Integer.toString(9 * MIB);
    assertThat(limit.connectorSettings())
        .containsEntry("producer.override.max.request.size", event)
        .containsEntry("producer.override.buffer.memory", Integer.toString(16 * MIB))
        .containsEntry("topic.creation.default.max.message.bytes", batch)
        .containsEntry("topic.creation.default.replication.factor", "-1")
        .containsEntry("topic.creation.default.partitions", "-1");
    assertThat(limit.topicConfig())
        .containsExactlyEntriesOf(java.util.Map.of("max.message.bytes", batch));
    assertThat(limit.brokerSettings())
        .containsEntry("message.max.bytes", batch)
        .containsEntry("replica.fetch.max.bytes", batch);
    assertThat(limit.consumerSettings())
        .containsEntry("max.partition.fetch.bytes", batch)
        .containsEntry("fetch.max.bytes", batch);
    assertThat(limit.deadLetterProducerSettings())
        .containsEntry("max.request.size", batch)
        .containsEntry("buffer.memory", Integer.toString(18 * MIB));
  }

  @Test
  void shouldSizeTheWorkersHeapForTheLimit() {
    assertThat(EventSizeLimit.DEFAULT.sinkWorkerHeapBytes()).isEqualTo(512L * MIB);
    assertThat(new EventSizeLimit(8 * MIB).sinkWorkerHeapBytes()).isEqualTo(288L * MIB);
  }

  @Test
  void shouldRejectLimitsOutsideTheRangeNamingTheField() {
    assertThatThrownBy(() -> new EventSizeLimit(1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxEventBytes: must be between");
    assertThatThrownBy(() -> new EventSizeLimit(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
