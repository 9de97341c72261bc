package io.kubecdc.operator.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic to its end without a consumer group (nothing committed, nothing left behind), from
 * the given positions or its beginning: for the operator's reads of small topics it does not own.
 */
final class TopicScan {
  private TopicScan() {}

  /**
   * Hands every record after {@code from} (per partition; the beginning where absent) to {@code
   * each}, oldest first per partition; returns the positions reached, the end of each partition. A
   * topic that does not exist has no partitions and no records.
   */
  static Map<TopicPartition, Long> read(
      Map<String, Object> client,
      String topic,
      Map<TopicPartition, Long> from,
      Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<String, Object> c = new HashMap<>(client);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // reading must not create the topic when the pipeline has none yet
    c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    try (var consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, timeout);
      for (TopicPartition p : partitions) {
        Long position = from.get(p);
        if (position != null && position > start.get(p)) {
          consumer.seek(p, position);
        }
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot read topic " + topic + " to its end in time");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
      return end;
    }
  }
}
