package io.kubecdc.operator.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lag from committed group offsets vs end offsets on the real broker. */
@LocalStackTest(services = "kafka")
class LagReaderIT {
  private final StackEndpoints stack;
  private final String topic = "it-lag-" + UUID.randomUUID().toString().substring(0, 8);
  private final String group = "kubecdc.it." + topic + ".v1";
  private final Admin admin;

  LagReaderIT(StackEndpoints stack) throws Exception {
    this.stack = stack;
    this.admin = KafkaAdmins.create(stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15));
    admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(15, TimeUnit.SECONDS);
  }

  @AfterEach
  void cleanUp() throws Exception {
    admin.deleteTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
    admin.close();
  }

  @Test
  void shouldCountWhatTheGroupHasNotCommittedOnEveryPartition() throws Exception {
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                "bootstrap.servers",
                stack.kafkaBootstrap(),
                "key.serializer",
                StringSerializer.class,
                "value.serializer",
                StringSerializer.class))) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i));
      }
      producer.flush();
    }
    LagReader reader = new LagReader(admin, Duration.ofSeconds(15));
    assertThat(reader.lag(group, List.of(topic, "absent-" + topic)))
        .as("nothing committed yet")
        .containsExactly(Map.entry(topic, 10L));

    try (var consumer =
        new KafkaConsumer<String, String>(
            Map.of(
                "bootstrap.servers",
                stack.kafkaBootstrap(),
                "group.id",
                group,
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                StringDeserializer.class))) {
      consumer.commitSync(
          Map.of(
              new TopicPartition(topic, 0), new OffsetAndMetadata(5),
              new TopicPartition(topic, 1), new OffsetAndMetadata(2)));
    }
    assertThat(reader.lag(group, List.of(topic))).containsExactly(Map.entry(topic, 3L));
  }
}
