package io.kubecdc.sink.kafka;

import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.retry.TransientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes dead letters with an idempotent {@code acks=all} producer and waits for each ack. */
public final class KafkaDeadLetters implements DeadLetters {
  private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);
  private static final int MAX_ERROR_CHARS = 4000;

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Retrier retrier;
  private final SinkMetrics metrics;
  private final RecordFetcher fetcher;
  private final Duration sendTimeout;

  /**
   * @param sendTimeout how long to wait for the acknowledgement; the producer's own delivery
   *     timeout should end the send first, with a retriable error
   */
  public KafkaDeadLetters(
      Producer<byte[], byte[]> producer,
      String topic,
      Retrier retrier,
      SinkMetrics metrics,
      RecordFetcher fetcher,
      Duration sendTimeout) {
    this.producer = producer;
    this.sendTimeout = sendTimeout;
    this.topic = topic;
    this.retrier = retrier;
    this.metrics = metrics;
    this.fetcher = fetcher;
  }

  @Override
  public void send(SourceRef ref, String reason, String error) {
    SourceRef source = readBack(ref);
    if (!source.hasBytes()) {
      error += " (the original record could no longer be read from Kafka)";
    }
    String message = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error;
    RecordHeaders headers = new RecordHeaders();
    headers.add(ERROR, utf8(message));
    headers.add(SOURCE_TOPIC, utf8(source.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, null, source.key(), source.value(), headers);
    retrier.run(
        "dead-letter " + source.topic() + "-" + source.partition() + "@" + source.offset(),
        () -> awaitAck(producer.send(record)));
    metrics.deadLetter(source.topic(), reason);
    log.warn(
        "event=dead_letter topic={} partition={} offset={} reason={} error=\"{}\"",
        source.topic(),
        source.partition(),
        source.offset(),
        reason,
        message);
  }

  private void awaitAck(Future<RecordMetadata> ack) throws Exception {
    try {
      ack.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TransientException(
          "kafka_unavailable", "no acknowledgement within " + sendTimeout.toMillis() + " ms", e);
    }
  }

  /** Rows ClickHouse rejected travel without their bytes: read the record back for the DLQ. */
  private SourceRef readBack(SourceRef ref) {
    try {
      return fetcher.fetch(ref);
    } catch (RuntimeException e) {
      log.error(
          "event=dead_letter_read_back_failed topic={} partition={} offset={} error=\"{}\"",
          ref.topic(),
          ref.partition(),
          ref.offset(),
          e.getMessage());
      return ref;
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
    fetcher.close();
  }
}
