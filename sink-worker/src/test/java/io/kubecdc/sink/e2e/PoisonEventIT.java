package io.kubecdc.sink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.sink.e2e.CdcFixture.TargetTable;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record that is not a change event goes to the dead-letter topic; the rest continues. */
@LocalStackTest
class PoisonEventIT {
  @TempDir Path dir;

  @Test
  void shouldSendPoisonToTheDeadLetterTopicAndGoOn(StackEndpoints stack) throws Exception {
    try (CdcFixture f = new CdcFixture(stack, dir)) {
      f.sourceTable("items", "id bigint PRIMARY KEY, name text");
      f.pg("INSERT INTO " + f.id + ".items VALUES (1, 'before')");
      f.startConnector();
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id", "Int64");
      columns.put("name", "Nullable(String)");
      int port = CdcFixture.freePort();
      Path config =
          f.workerConfig(List.of(new TargetTable("items", List.of("id"), columns)), port, "");
      try (WorkerProcess worker = f.worker(config, port).start()) {
        worker.awaitReady();
        String table = f.id + ".items";
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> f.chLong("SELECT count() FROM " + table) == 1);

        RecordMetadata notJson = produce(stack, f.topic("items"), "not json at all {");
        RecordMetadata noPayload =
            produce(stack, f.topic("items"), "{\"schema\":{\"type\":\"struct\"}}");
        f.pg("INSERT INTO " + f.id + ".items VALUES (2, 'after')");

        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> f.chLong("SELECT count() FROM " + table + " FINAL") == 2);
        List<ConsumerRecord<byte[], byte[]>> dead = consume(stack, f.id + ".dlq", 2);
        assertThat(dead)
            .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
            .containsExactly("not json at all {", "{\"schema\":{\"type\":\"struct\"}}");
        for (int i = 0; i < 2; i++) {
          RecordMetadata original = i == 0 ? notJson : noPayload;
          ConsumerRecord<byte[], byte[]> r = dead.get(i);
          assertThat(header(r, "kubecdc.source.topic")).isEqualTo(f.topic("items"));
          assertThat(header(r, "kubecdc.source.partition"))
              .isEqualTo(Integer.toString(original.partition()));
          assertThat(header(r, "kubecdc.source.offset"))
              .isEqualTo(Long.toString(original.offset()));
          assertThat(header(r, "kubecdc.error")).isNotBlank();
        }
        assertThat(worker.metrics())
            .containsPattern("(?m)^kubecdc_sink_dead_letters_total\\{.*\\} 2\\.0$");
        assertThat(worker.alive()).isTrue();
      }
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static RecordMetadata produce(StackEndpoints stack, String topic, String value)
      throws Exception {
    Map<String, Object> p =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
      return producer
          .send(new ProducerRecord<>(topic, null, value.getBytes(StandardCharsets.UTF_8)))
          .get();
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> consume(
      StackEndpoints stack, String topic, int n) {
    Map<String, Object> p =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.kafkaBootstrap(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dlq-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= n;
              });
    }
    return records;
  }
}
