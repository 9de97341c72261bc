package io.kubecdc.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubecdc.stack.connect.ConnectRest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The steps of the smoke pipeline, against a PostgreSQL and a ClickHouse connection. */
final class SmokeSteps {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private final Connection pg;
  private final Connection ch;

  SmokeSteps(Connection pg, Connection ch) {
    this.pg = pg;
    this.ch = ch;
  }

  void resetSource(ConnectRest connect, String bootstrap, String topic) throws Exception {
    connect.deleteWithOffsets(SmokePipeline.CONNECTOR);
    dropSlot();
    deleteTopic(bootstrap, topic);
    exec(
        pg,
        "DROP PUBLICATION IF EXISTS " + SmokePipeline.SLOT,
        "DROP TABLE IF EXISTS orders",
        "CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, amount numeric(12,2))",
        "INSERT INTO orders VALUES (1, 'ada', 10.50), (2, 'bob', 99999999.99), (3, 'cy', 0.01)");
    exec(
        ch,
        "CREATE DATABASE IF NOT EXISTS demo",
        "DROP TABLE IF EXISTS demo.orders",
        "CREATE TABLE demo.orders (id Int32, customer String, amount Nullable(Decimal(12,2)),"
            + " _version UInt64, _deleted UInt8)"
            + " ENGINE = ReplacingMergeTree(_version, _deleted) ORDER BY id");
  }

  void awaitRunning(ConnectRest connect) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!connect.running(SmokePipeline.CONNECTOR)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "connector not RUNNING: " + connect.status(SmokePipeline.CONNECTOR).orElse(null));
      }
      Thread.sleep(200);
    }
  }

  void changeSource() throws SQLException {
    exec(
        pg,
        "INSERT INTO orders VALUES (4, 'dee', 42.00)",
        "UPDATE orders SET amount = amount + 1 WHERE id = 1",
        "DELETE FROM orders WHERE id = 3");
  }

  /** Reads {@code expected} records (events and tombstones) and writes the rows to ClickHouse. */
  int applyEvents(String bootstrap, String topic, int expected) throws SQLException {
    int seen = 0;
    int applied = 0;
    try (KafkaConsumer<String, String> consumer = consumer(bootstrap);
        PreparedStatement insert =
            ch.prepareStatement(
                "INSERT INTO demo.orders (id, customer, amount, _version, _deleted)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (seen < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen++;
          ChangeEvent e = ChangeEvent.parse(r.value());
          if (e == null) {
            SmokePipeline.say("   event: tombstone key=" + ChangeEvent.parse(r.key()).payload());
            continue;
          }
          boolean delete = e.op().equals("d");
          String image = delete ? "before" : "after";
          JsonNode row = e.image(image);
          BigDecimal amount = e.decimal(image, "amount");
          SmokePipeline.say(
              "   event: op=" + e.op() + " lsn=" + e.lsn() + " row=" + row + " amount=" + amount);
          insert.setInt(1, row.path("id").asInt());
          insert.setString(2, row.path("customer").asText());
          insert.setBigDecimal(3, amount);
          insert.setLong(4, e.lsn());
          insert.setInt(5, delete ? 1 : 0);
          insert.addBatch();
          applied++;
        }
      }
      insert.executeBatch();
    }
    if (seen < expected) {
      throw new IllegalStateException("only " + seen + " of " + expected + " records arrived");
    }
    return applied;
  }

  List<String> sourceRows() throws SQLException {
    return rows(pg, "SELECT id, customer, amount FROM orders ORDER BY id");
  }

  List<String> targetRows() throws SQLException {
    return rows(ch, "SELECT id, customer, amount FROM demo.orders FINAL ORDER BY id");
  }

  void dropSlot() throws SQLException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        exec(
            pg,
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '"
                + SmokePipeline.SLOT
                + "'");
        return;
      } catch (SQLException stillActive) {
        if (attempt > 100) {
          throw stillActive;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Events of an earlier run must not be read again: the demo owns its topic. */
  private static void deleteTopic(String bootstrap, String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        return;
      }
      admin.deleteTopics(List.of(topic)).all().get();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (admin.listTopics().names().get().contains(topic)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic + " was not deleted");
        }
        Thread.sleep(100);
      }
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3));
      }
    }
    return rows;
  }

  private static void exec(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-smoke-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}
