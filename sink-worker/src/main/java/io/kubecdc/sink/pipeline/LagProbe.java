package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.health.HealthState;
import io.kubecdc.sink.metrics.SinkMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds, from the loop thread (the consumer is not thread-safe): publishes the lag per
 * assigned partition (end offset - position) and tells health whether Kafka answers.
 */
final class LagProbe {
  private static final Logger log = LoggerFactory.getLogger(LagProbe.class);
  private static final Duration EVERY = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Consumer<byte[], byte[]> consumer;
  private final HealthState health;
  private final SinkMetrics metrics;
  private final LongSupplier nanoClock;
  private long lastNanos = Long.MIN_VALUE;

  LagProbe(
      Consumer<byte[], byte[]> consumer,
      HealthState health,
      SinkMetrics metrics,
      LongSupplier nanoClock) {
    this.consumer = consumer;
    this.health = health;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
  }

  void maybeProbe() {
    long now = nanoClock.getAsLong();
    if (lastNanos != Long.MIN_VALUE && now - lastNanos < EVERY.toNanos()) {
      return;
    }
    lastNanos = now;
    try {
      Set<TopicPartition> assigned = consumer.assignment();
      if (assigned.isEmpty()) {
        consumer.listTopics(TIMEOUT);
      } else {
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, TIMEOUT);
        for (TopicPartition tp : assigned) {
          long position = consumer.position(tp, TIMEOUT);
          metrics.lag(
              tp.topic(), tp.partition(), Math.max(0, ends.getOrDefault(tp, position) - position));
        }
      }
      health.kafka(true);
    } catch (KafkaException e) {
      if (e instanceof org.apache.kafka.common.errors.WakeupException w) {
        throw w;
      }
      health.kafka(false);
      metrics.error("kafka_unavailable");
      log.warn("event=kafka_probe_failed error=\"{}\"", e.getMessage());
    }
  }
}
