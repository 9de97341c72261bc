package io.kubecdc.operator.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag per topic of a consumer group: the end offsets of the topic's partitions minus the group's
 * committed offsets (a partition the group never committed counts from its earliest offset). The
 * sink-worker commits only after ClickHouse acknowledged the rows, so this is what is not yet in
 * ClickHouse.
 */
public final class LagReader {
  private final Admin admin;
  private final Duration timeout;

  public LagReader(Admin admin, Duration timeout) {
    this.admin = admin;
    this.timeout = timeout;
  }

  /**
   * Records not yet committed by {@code group}, per topic (topics that do not exist are left out).
   */
  public Map<String, Long> lag(String group, List<String> topics)
      throws ExecutionException, TimeoutException, InterruptedException {
    return lag(topics, positions(group, topics));
  }

  /**
   * Records stamped at or before {@code timestamp} (epoch millis) that {@code group} has not
   * committed yet, summed over the topics: 0 once everything written up to that moment is in
   * ClickHouse, whatever was written since.
   */
  public long lagUpTo(String group, List<String> topics, long timestamp)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<TopicPartition, PartitionPosition> positions = positions(group, topics);
    Map<TopicPartition, OffsetSpec> after = new HashMap<>();
    positions.keySet().forEach(tp -> after.put(tp, OffsetSpec.forTimestamp(timestamp + 1)));
    var firstAfter = admin.listOffsets(after).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    long lag = 0;
    for (var e : positions.entrySet()) {
      // -1: no record stamped later, so everything up to the end counts
      long offset = firstAfter.get(e.getKey()).offset();
      long until = offset < 0 ? e.getValue().end() : offset;
      lag += Math.max(0, until - e.getValue().next());
    }
    return lag;
  }

  /** The lag per topic of {@code positions}, in the order of {@code topics}. */
  public static Map<String, Long> lag(
      List<String> topics, Map<TopicPartition, PartitionPosition> positions) {
    Map<String, Long> out = new LinkedHashMap<>();
    topics.forEach(
        t -> {
          if (positions.keySet().stream().anyMatch(tp -> tp.topic().equals(t))) out.put(t, 0L);
        });
    positions.forEach((tp, p) -> out.merge(tp.topic(), p.pending(), Long::sum));
    return out;
  }

  /**
   * Where {@code group} stands on every partition of {@code topics} (topics that do not exist are
   * left out): the next offset it reads and the partition's end.
   */
  public Map<TopicPartition, PartitionPosition> positions(String group, List<String> topics)
      throws ExecutionException, TimeoutException, InterruptedException {
    var described = admin.describeTopics(topics).topicNameValues();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    for (String topic : topics) {
      try {
        var d = described.get(topic).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        d.partitions()
            .forEach(
                p -> {
                  latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                  earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                });
      } catch (ExecutionException e) {
        if (!(e.getCause()
            instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    var ends = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    var starts = admin.listOffsets(earliest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<TopicPartition, PartitionPosition> out = new HashMap<>();
    for (var e : ends.entrySet()) {
      TopicPartition tp = e.getKey();
      OffsetAndMetadata c = committed.get(tp);
      long from = c != null ? c.offset() : starts.get(tp).offset();
      out.put(tp, new PartitionPosition(from, e.getValue().offset()));
    }
    return out;
  }

  /**
   * Records ever written to {@code topic}: the sum of its partitions' end offsets, which retention
   * does not lower (unlike a count of what is kept), so two readings give what was added between
   * them. Empty when the topic does not exist.
   */
  public java.util.OptionalLong written(String topic)
      throws ExecutionException, TimeoutException, InterruptedException {
    var described = admin.describeTopics(List.of(topic)).topicNameValues().get(topic);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    try {
      described
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
        return java.util.OptionalLong.empty();
      }
      throw e;
    }
    var ends = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return java.util.OptionalLong.of(ends.values().stream().mapToLong(o -> o.offset()).sum());
  }
}
