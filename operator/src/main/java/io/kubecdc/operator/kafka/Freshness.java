package io.kubecdc.operator.kafka;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * How far ClickHouse is behind the source, in whole seconds: 0 for a topic whose partitions the
 * sink-worker has committed to their end (a quiet, caught-up table is fresh however long ago its
 * last change was), else now minus the Kafka timestamp of the oldest record not committed yet, the
 * largest over the topic's partitions. The worker commits only after ClickHouse acknowledged the
 * rows, so this is the age of the oldest change a reader cannot see yet. Unknown (absent) for a
 * topic with a lagging partition whose oldest record could not be read, never 0: a pipeline whose
 * Kafka does not answer must not look fresh. Pure, so that the rule is unit-tested.
 */
public final class Freshness {
  private Freshness() {}

  /** The partitions that lag, with the offset their oldest pending record has. */
  public static Map<TopicPartition, Long> lagging(
      Map<TopicPartition, PartitionPosition> positions) {
    Map<TopicPartition, Long> out = new HashMap<>();
    positions.forEach(
        (tp, p) -> {
          if (p.pending() > 0) out.put(tp, p.next());
        });
    return out;
  }

  /**
   * Freshness per topic of {@code positions}, in the order of {@code topics} (topics without
   * partitions are left out, as they are from the lag).
   *
   * @param oldest the timestamp (ms) of the oldest pending record of lagging partitions, as far as
   *     it could be read
   */
  public static Map<String, Long> perTopic(
      List<String> topics,
      Map<TopicPartition, PartitionPosition> positions,
      Map<TopicPartition, Long> oldest,
      Instant now) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String topic : topics) {
      boolean known = false;
      long seconds = 0;
      boolean unknown = false;
      for (var e : positions.entrySet()) {
        if (!e.getKey().topic().equals(topic)) {
          continue;
        }
        known = true;
        if (e.getValue().pending() == 0) {
          continue;
        }
        Long ts = oldest.get(e.getKey());
        if (ts == null) {
          unknown = true;
        } else {
          seconds = Math.max(seconds, Math.max(0, now.toEpochMilli() - ts) / 1000);
        }
      }
      if (known && !unknown) {
        out.put(topic, seconds);
      }
    }
    return out;
  }

  /** The stalest of {@code tables}' freshness; null when there is none or one is unknown. */
  public static Long stalest(Collection<Long> tables) {
    if (tables.isEmpty() || tables.stream().anyMatch(Objects::isNull)) {
      return null;
    }
    return tables.stream().max(Long::compare).orElseThrow();
  }
}
