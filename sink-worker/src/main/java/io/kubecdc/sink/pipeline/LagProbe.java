package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.metrics.SinkMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds, from the loop thread (the consumer is not thread-safe): publishes the lag per
 * assigned partition (end offset - position). Each lookup is bounded; while the Kafka probe says
 * Kafka is down the lag is not looked up at all, so that the loop does not spend the outage waiting
 * for answers that cannot come. Readiness does not depend on this: the probe decides it.
 */
final class LagProbe {
  private static final Logger log = LoggerFactory.getLogger(LagProbe.class);
  private static final Duration EVERY = Duration.ofSeconds(5);

  private final Consumer<byte[], byte[]> consumer;
  private final SinkMetrics metrics;
  private final LongSupplier nanoClock;
  private final Duration timeout;
  private final BooleanSupplier kafkaUp;
  private long lastNanos = Long.MIN_VALUE;

  LagProbe(
      Consumer<byte[], byte[]> consumer,
      SinkMetrics metrics,
      LongSupplier nanoClock,
      Duration timeout,
      BooleanSupplier kafkaUp) {
    this.consumer = consumer;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
    this.timeout = timeout;
    this.kafkaUp = kafkaUp;
  }

  void maybeProbe() {
    long now = nanoClock.getAsLong();
    if (lastNanos != Long.MIN_VALUE && now - lastNanos < EVERY.toNanos()) {
      return;
    }
    lastNanos = now;
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty() || !kafkaUp.getAsBoolean()) {
      return;
    }
    try {
      Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
      for (TopicPartition tp : assigned) {
        long position = consumer.position(tp, timeout);
        metrics.lag(
            tp.topic(), tp.partition(), Math.max(0, ends.getOrDefault(tp, position) - position));
      }
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      metrics.error("lag_probe_failed");
      log.debug("event=lag_probe_failed error=\"{}\"", e.getMessage());
    }
  }
}
