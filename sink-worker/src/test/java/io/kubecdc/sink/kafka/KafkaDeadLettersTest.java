package io.kubecdc.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Backoff;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.retry.RetryListener;
import io.kubecdc.sink.retry.StoppedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaDeadLettersTest {
  final List<Duration> sleeps = new ArrayList<>();
  final Retrier retrier =
      new Retrier(Backoff.standard(), sleeps::add, RetryListener.NONE, () -> false);

  @Test
  void shouldKeepKeyAndValueAndAddSourceAndErrorHeaders() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    DeadLetters dlq =
        new KafkaDeadLetters(
            producer,
            "orders.dlq",
            retrier,
            new SinkMetrics(),
            noReadBack(),
            Duration.ofSeconds(5));
    dlq.send(
        new SourceRef("orders", 2, 17, bytes("k"), bytes("v"), true),
        "decode",
        "not a change event");

    ProducerRecord<byte[], byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("orders.dlq");
    assertThat(sent.key()).isEqualTo(bytes("k"));
    assertThat(sent.value()).isEqualTo(bytes("v"));
    assertThat(header(sent, DeadLetters.ERROR)).isEqualTo("not a change event");
    assertThat(header(sent, DeadLetters.SOURCE_TOPIC)).isEqualTo("orders");
    assertThat(header(sent, DeadLetters.SOURCE_PARTITION)).isEqualTo("2");
    assertThat(header(sent, DeadLetters.SOURCE_OFFSET)).isEqualTo("17");
  }

  @Test
  void shouldRetryUntilTheBrokerAcknowledges() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    producer.sendException = new NotLeaderOrFollowerException("moving");
    Retrier healing =
        new Retrier(
            Backoff.standard(),
            d -> {
              sleeps.add(d);
              producer.sendException = null; // the broker is back after one backoff
            },
            RetryListener.NONE,
            () -> false);
    DeadLetters dlq =
        new KafkaDeadLetters(
            producer,
            "orders.dlq",
            healing,
            new SinkMetrics(),
            noReadBack(),
            Duration.ofSeconds(5));
    dlq.send(new SourceRef("orders", 0, 1, null, bytes("v"), true), "decode", "x");
    assertThat(sleeps).hasSize(1);
    assertThat(producer.history()).hasSize(1);
  }

  @Test
  void shouldRetryASendThatIsNotAcknowledgedInTimeInsteadOfFailing() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    AtomicBoolean stopping = new AtomicBoolean();
    Retrier patient =
        new Retrier(
            Backoff.standard(),
            d -> stopping.set(sleeps.add(d) && sleeps.size() == 2),
            RetryListener.NONE,
            stopping::get);
    DeadLetters dlq =
        new KafkaDeadLetters(
            producer,
            "orders.dlq",
            patient,
            new SinkMetrics(),
            noReadBack(),
            Duration.ofMillis(20));
    assertThatThrownBy(
            () -> dlq.send(new SourceRef("orders", 0, 1, null, bytes("v"), true), "decode", "x"))
        .as("only stopping ends the retries")
        .isInstanceOf(StoppedException.class);
    assertThat(sleeps).hasSize(2);
  }

  /** The record is in hand: reading it back from Kafka would be a mistake. */
  static RecordFetcher noReadBack() {
    return new RecordFetcher(
        () -> {
          throw new AssertionError("no read-back expected");
        });
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String header(ProducerRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
