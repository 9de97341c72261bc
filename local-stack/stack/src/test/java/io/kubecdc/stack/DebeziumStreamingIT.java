package io.kubecdc.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.stack.connect.ConnectRest;
import io.kubecdc.stack.connect.ConnectorTeardown;
import io.kubecdc.stack.connect.DebeziumPostgres;
import io.kubecdc.stack.junit.LocalStackTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Debezium connector registered through Connect's REST API streams PostgreSQL into Kafka. */
@LocalStackTest(services = {"postgres", "kafka", "connect"})
class DebeziumStreamingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigDecimal BIG = new BigDecimal("12345678901234.56789");
  private static final BigDecimal NEGATIVE = new BigDecimal("-0.00001");

  private final StackEndpoints stack;
  private final ConnectRest connect;
  private final String id = "it_" + UUID.randomUUID().toString().substring(0, 8);
  private final String table = "accounts_" + id;

  DebeziumStreamingIT(StackEndpoints stack) {
    this.stack = stack;
    this.connect = new ConnectRest(stack.connectUrl());
  }

  @Test
  void shouldStreamSnapshotInsertUpdateAndDeleteWithExactNumeric() throws Exception {
    sql(
        "CREATE TABLE " + table + " (id int PRIMARY KEY, name text, balance numeric(20,5))",
        "ALTER TABLE " + table + " REPLICA IDENTITY FULL",
        "INSERT INTO " + table + " VALUES (1, 'ada', " + BIG + "), (2, 'bob', 0)");

    connect.putConfig(id, connectorConfig());
    await().atMost(Duration.ofSeconds(60)).until(() -> connect.running(id));

    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(id + ".public." + table));
      List<ConsumerRecord<String, String>> snapshot = poll(consumer, 2);
      assertThat(snapshot).extracting(r -> op(r)).containsOnly("r");
      assertThat(snapshot).extracting(r -> key(r)).containsExactlyInAnyOrder(1, 2);
      JsonNode ada = value(snapshot.stream().filter(r -> key(r) == 1).findFirst().orElseThrow());
      assertThat(decimal(ada, "after", "balance")).isEqualByComparingTo(BIG);
      assertThat(decimal(ada, "after", "balance").scale()).isEqualTo(5);

      sql(
          "INSERT INTO " + table + " VALUES (3, 'cy', " + NEGATIVE + ")",
          "UPDATE " + table + " SET balance = balance + 1, name = 'ada2' WHERE id = 1",
          "DELETE FROM " + table + " WHERE id = 2");
      List<ConsumerRecord<String, String>> changes = poll(consumer, 4);

      ConsumerRecord<String, String> insert = changes.get(0);
      assertThat(op(insert)).isEqualTo("c");
      assertThat(value(insert).path("payload").path("before").isNull()).isTrue();
      assertThat(decimal(value(insert), "after", "balance")).isEqualTo(NEGATIVE);

      ConsumerRecord<String, String> update = changes.get(1);
      assertThat(op(update)).isEqualTo("u");
      assertThat(key(update)).isEqualTo(1);
      assertThat(decimal(value(update), "before", "balance")).isEqualTo(BIG);
      assertThat(decimal(value(update), "after", "balance")).isEqualTo(BIG.add(BigDecimal.ONE));
      assertThat(value(update).path("payload").path("before").path("name").asText())
          .isEqualTo("ada");
      assertThat(value(update).path("payload").path("after").path("name").asText())
          .isEqualTo("ada2");

      ConsumerRecord<String, String> delete = changes.get(2);
      assertThat(op(delete)).isEqualTo("d");
      assertThat(key(delete)).isEqualTo(2);
      assertThat(value(delete).path("payload").path("before").path("name").asText())
          .isEqualTo("bob");
      assertThat(value(delete).path("payload").path("after").isNull()).isTrue();

      ConsumerRecord<String, String> tombstone = changes.get(3);
      assertThat(key(tombstone)).isEqualTo(2);
      assertThat(tombstone.value()).isNull();
    }
  }

  private Map<String, String> connectorConfig() {
    // the connector config holds a reference, never the password
    return DebeziumPostgres.config(stack, id, "public." + table);
  }

  @AfterEach
  void dropConnectorAndSlot() throws Exception {
    ConnectorTeardown.remove(stack, id, id);
    sql("DROP TABLE IF EXISTS " + table);
  }

  private List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer, int n) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(records::add);
              return records.size() >= n;
            });
    assertThat(records).hasSize(n);
    return records;
  }

  private KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, id);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }

  private static String op(ConsumerRecord<String, String> r) {
    return value(r).path("payload").path("op").asText();
  }

  private static int key(ConsumerRecord<String, String> r) {
    return json(r.key()).path("payload").path("id").asInt();
  }

  private static JsonNode value(ConsumerRecord<String, String> r) {
    return json(r.value());
  }

  /** The types travel with the data: the scale comes from the event's schema. */
  private static BigDecimal decimal(JsonNode event, String image, String column) {
    return new ChangeEvent(event.path("schema"), event.path("payload")).decimal(image, column);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
