package io.kubecdc.sink.kafka;

import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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

  public KafkaDeadLetters(
      Producer<byte[], byte[]> producer, String topic, Retrier retrier, SinkMetrics metrics) {
    this.producer = producer;
    this.topic = topic;
    this.retrier = retrier;
    this.metrics = metrics;
  }

  @Override
  public void send(SourceRef source, String reason, String error) {
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
        () -> producer.send(record).get(60, TimeUnit.SECONDS));
    metrics.deadLetter(source.topic(), reason);
    log.warn(
        "event=dead_letter topic={} partition={} offset={} reason={} error=\"{}\"",
        source.topic(),
        source.partition(),
        source.offset(),
        reason,
        message);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
