package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits (synchronously, bounded by {@code kafka.timeoutMs}, retried while Kafka is away) the
 * handled offsets of partitions whose table has nothing pending: those records are acknowledged by
 * ClickHouse, in the dead-letter topic or tombstones. A commit refused because the group moved on
 * is dropped: the records are delivered again, and replays are invisible thanks to {@code
 * _version}.
 */
final class Committer {
  private static final Logger log = LoggerFactory.getLogger(Committer.class);

  private final Consumer<byte[], byte[]> consumer;
  private final OffsetLedger ledger;
  private final Map<String, TableSink> sinks;
  private final Retrier retrier;
  private final SinkMetrics metrics;
  private final Duration timeout;

  Committer(
      Consumer<byte[], byte[]> consumer,
      OffsetLedger ledger,
      Map<String, TableSink> sinks,
      Retrier retrier,
      SinkMetrics metrics,
      Duration timeout) {
    this.consumer = consumer;
    this.ledger = ledger;
    this.sinks = sinks;
    this.retrier = retrier;
    this.metrics = metrics;
    this.timeout = timeout;
  }

  void handled(ConsumerRecord<?, ?> record) {
    ledger.handled(record.topic(), record.partition(), record.offset());
  }

  void commitClean() {
    if (ledger.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets =
        ledger.committable(topic -> sinks.get(topic).isEmpty());
    if (offsets.isEmpty()) {
      return;
    }
    send(offsets);
  }

  /** The offsets after every record handled so far, per partition. */
  Map<TopicPartition, OffsetAndMetadata> handledOffsets() {
    return ledger.committable(topic -> true);
  }

  /** Commits offsets whose records are all acknowledged (a finished insert generation). */
  void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    send(offsets);
  }

  private void send(Map<TopicPartition, OffsetAndMetadata> offsets) {
    try {
      retrier.run("commit offsets", () -> consumer.commitSync(offsets, timeout));
      metrics.committed();
      log.debug("event=committed offsets={}", offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      metrics.error("commit_failed");
      log.warn("event=commit_refused partitions={} error=\"{}\"", offsets.keySet(), e.getMessage());
    }
    ledger.committed(offsets);
  }

  void forget(Collection<TopicPartition> partitions) {
    ledger.forget(partitions);
  }
}
