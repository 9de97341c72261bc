package io.kubecdc.sink.pipeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The next offset to commit per partition: one past the last record handled. A partition is
 * committable only when its table has no pending row, i.e. every handled record is acknowledged by
 * ClickHouse, in the dead-letter topic, or a tombstone.
 */
public final class OffsetLedger {
  private final Map<TopicPartition, Long> next = new HashMap<>();

  public void handled(String topic, int partition, long offset) {
    next.put(new TopicPartition(topic, partition), offset + 1);
  }

  /** Offsets of the partitions whose topic is clean. */
  public Map<TopicPartition, OffsetAndMetadata> committable(Predicate<String> topicClean) {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    next.forEach(
        (tp, offset) -> {
          if (topicClean.test(tp.topic())) {
            out.put(tp, new OffsetAndMetadata(offset));
          }
        });
    return out;
  }

  /** Forgets committed partitions, unless newer records were handled meanwhile. */
  public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, om) -> next.remove(tp, om.offset()));
  }

  public void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(next::remove);
  }

  public boolean isEmpty() {
    return next.isEmpty();
  }
}
