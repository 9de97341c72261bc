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
    try (var producer = producer()) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i));
      }
      producer.flush();
    }
    LagReader reader = new LagReader(admin, Duration.ofSeconds(15));
    assertThat(reader.lag(group, List.of(topic, "absent-" + topic)))
        .as("nothing committed yet")
        .containsExactly(Map.entry(topic, 10L));

    commit(Map.of(new TopicPartition(topic, 0), 5L, new TopicPartition(topic, 1), 2L));
    assertThat(reader.lag(group, List.of(topic))).containsExactly(Map.entry(topic, 3L));
  }

  /**
   * Up to a moment: records stamped after it do not count, whatever the group committed, so a
   * steady write load after that moment does not hold the answer back.
   */
  @Test
  void shouldCountOnlyWhatWasStampedUpToTheMomentAndNotCommitted() throws Exception {
    long moment = System.currentTimeMillis() - 60_000;
    try (var producer = producer()) {
      for (int i = 0; i < 10; i++) {
        // partition 0: 3 records up to the moment, 2 after; partition 1 likewise
        long stamp = moment + (i / 2 < 3 ? (i / 2) - 2 : i / 2);
        producer.send(new ProducerRecord<>(topic, i % 2, stamp, "k" + i, "v" + i));
      }
      producer.flush();
    }
    LagReader reader = new LagReader(admin, Duration.ofSeconds(15));
    assertThat(reader.lagUpTo(group, List.of(topic), moment)).as("nothing committed").isEqualTo(6);
    commit(Map.of(new TopicPartition(topic, 0), 3L, new TopicPartition(topic, 1), 1L));
    assertThat(reader.lagUpTo(group, List.of(topic), moment)).isEqualTo(2);
    commit(Map.of(new TopicPartition(topic, 0), 3L, new TopicPartition(topic, 1), 3L));
    assertThat(reader.lagUpTo(group, List.of(topic), moment)).isZero();
    assertThat(reader.lagUpTo(group, List.of(topic), moment + 10))
        .as("a moment after every record: up to the end")
        .isEqualTo(4);
  }

  private KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers",
            stack.kafkaBootstrap(),
            "key.serializer",
            StringSerializer.class,
            "value.serializer",
            StringSerializer.class));
  }

  private void commit(Map<TopicPartition, Long> offsets) {
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
      Map<TopicPartition, OffsetAndMetadata> commit = new java.util.HashMap<>();
      offsets.forEach((p, o) -> commit.put(p, new OffsetAndMetadata(o)));
      consumer.commitSync(commit);
    }
  }
}
