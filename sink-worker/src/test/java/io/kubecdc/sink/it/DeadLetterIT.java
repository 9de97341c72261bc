package io.kubecdc.sink.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.kafka.DeadLetters;
import io.kubecdc.sink.runtime.SinkWorker;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * An undecodable record and a row the real ClickHouse engine rejects go to the dead-letter topic
 * with their original key/value and source headers; the good rows around them land, and the
 * partition moves on (offsets committed past them).
 */
@LocalStackTest(services = {"kafka", "clickhouse"})
class DeadLetterIT {
  private final StackEndpoints stack;

  DeadLetterIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldDeadLetterUndecodableAndRejectedRecordsWithHeadersAndMoveOn() throws Exception {
    try (ItStack it = new ItStack(stack)) {
      SinkWorker worker = it.worker(it.config(stack.clickhouseUrl(), TruncatePolicy.DELETE));
      int port = worker.startHttp();
      Thread thread = new Thread(() -> ClickHouseOutageIT.runQuietly(worker), "worker-under-test");
      thread.start();

      it.send("k1", "1:1:a");
      it.send("k2", "2:2:b");
      it.send("bad", "this is not an event"); // offset 2: decode error
      it.send("k3", "3:3:poison"); // offset 3: ClickHouse rejects the RowBinary
      it.send("k4", "4:4:d");
      it.send("k2", null); // offset 5: tombstone
      it.send("k5", "5:5:e");

      await().atMost(Duration.ofSeconds(60)).until(() -> it.committed() == 7);
      assertThat(it.count("")).isEqualTo(4);
      assertThat(it.count("WHERE id = 3")).isZero();

      List<ConsumerRecord<byte[], byte[]>> letters = readDlq(it, 2);
      assertThat(letters)
          .extracting(r -> header(r, DeadLetters.SOURCE_OFFSET))
          .containsExactly("2", "3");
      ConsumerRecord<byte[], byte[]> undecodable = letters.get(0);
      assertThat(new String(undecodable.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
      assertThat(new String(undecodable.value(), StandardCharsets.UTF_8))
          .isEqualTo("this is not an event");
      assertThat(header(undecodable, DeadLetters.ERROR)).contains("not a test event");
      assertThat(header(undecodable, DeadLetters.SOURCE_TOPIC)).isEqualTo(it.topic);
      assertThat(header(undecodable, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(header(letters.get(1), DeadLetters.ERROR)).contains("rejected");

      String metrics = ItStack.body(port, "/metrics");
      assertThat(metrics)
          .contains(
              "kubecdc_sink_dead_letters_total{reason=\"decode\",topic=\"" + it.topic + "\"} 1.0")
          .contains(
              "kubecdc_sink_dead_letters_total{reason=\"rejected\",topic=\"" + it.topic + "\"} 1.0")
          .contains("kubecdc_sink_events_total{op=\"tombstone\"");
      assertThat(worker.stop(30_000)).isTrue();
      thread.join(10_000);
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readDlq(ItStack it, int n) {
    Map<String, Object> props =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            it.stack.kafkaBootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            it.id + "-dlq-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(it.dlq));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= n;
              });
    }
    return out;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
