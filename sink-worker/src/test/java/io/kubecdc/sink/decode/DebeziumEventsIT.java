package io.kubecdc.sink.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.contract.EventShape;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.connect.ConnectRest;
import io.kubecdc.stack.connect.ConnectorTeardown;
import io.kubecdc.stack.connect.DebeziumPostgres;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Produces real Debezium events for every supported column type with the contract's settings and
 * decodes them. With {@code -Dkubecdc.fixtures.write=true} it also (re)writes the fixtures under
 * {@code src/test/resources/events/} that the unit tests decode.
 */
@LocalStackTest(services = {"postgres", "kafka", "connect"})
class DebeziumEventsIT {
  private final StackEndpoints stack;
  private final ConnectRest connect;
  private final String id = "dec_" + UUID.randomUUID().toString().substring(0, 8);
  private final String table = "kc_types_" + id;

  DebeziumEventsIT(StackEndpoints stack) {
    this.stack = stack;
    this.connect = new ConnectRest(stack.connectUrl());
  }

  @Test
  void shouldDecodeEveryEventKindOfATableWithEveryType() throws Exception {
    sql(TypesTable.create(table, id));
    sql(TypesTable.snapshotRows(table));
    Map<String, String> config =
        new HashMap<>(DebeziumPostgres.config(stack, id, "public." + table));
    config.putAll(EventShape.connectorSettings());
    connect.putConfig(id, config);
    await().atMost(Duration.ofSeconds(60)).until(() -> connect.running(id));

    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(id + ".public." + table));
      List<byte[]> snapshot = poll(consumer, 2);
      sql(TypesTable.changes(table));
      // insert, update, delete + tombstone, truncate
      List<byte[]> changes = poll(consumer, 5);

      Map<String, byte[]> fixtures = new java.util.LinkedHashMap<>();
      fixtures.put("snapshot-full.json", snapshot.get(0));
      fixtures.put("snapshot-nulls.json", snapshot.get(1));
      fixtures.put("insert-special.json", changes.get(0));
      fixtures.put("update-toast.json", changes.get(1));
      fixtures.put("delete-key-only.json", changes.get(2));
      assertThat(changes.get(3)).isNull();
      fixtures.put("truncate.json", changes.get(4));

      if (Boolean.getBoolean("kubecdc.fixtures.write")) {
        Path dir = Path.of("src/test/resources/events");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : fixtures.entrySet()) {
          Files.write(dir.resolve(f.getKey()), f.getValue());
        }
      }
      EventDecoder decoder = new EventDecoder();
      for (Map.Entry<String, byte[]> f : fixtures.entrySet()) {
        assertThat(decoder.decode(f.getValue())).as(f.getKey()).isNotNull();
      }
      assertThat(decoder.decode(changes.get(3))).isInstanceOf(ChangeEvent.Tombstone.class);
      ChangeEvent.Row update = (ChangeEvent.Row) decoder.decode(fixtures.get("update-toast.json"));
      assertThat(update.values()).contains(Unavailable.VALUE);
    }
  }

  @AfterEach
  void dropConnectorSlotAndTable() throws Exception {
    ConnectorTeardown.remove(stack, id, id);
    sql("DROP TABLE IF EXISTS " + table, "DROP TYPE IF EXISTS mood_" + id);
  }

  private List<byte[]> poll(KafkaConsumer<byte[], byte[]> consumer, int n) {
    List<byte[]> records = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(r.value()));
              return records.size() >= n;
            });
    assertThat(records).hasSize(n);
    return records;
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, id);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
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
