package io.kubecdc.operator.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.contract.EventShape;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.operator.connect.ConnectClient;
import io.kubecdc.operator.connect.ConnectorPart;
import io.kubecdc.operator.connect.RestartBackoff;
import io.kubecdc.operator.kafka.KafkaAdmins;
import io.kubecdc.operator.kafka.KafkaTeardown;
import io.kubecdc.operator.postgres.PostgresConnections;
import io.kubecdc.operator.postgres.SourceEndpoint;
import io.kubecdc.operator.postgres.SourceTeardown;
import io.kubecdc.stack.FreePorts;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.connect.DebeziumPostgres;
import io.kubecdc.stack.junit.LocalStackTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deleting a pipeline's outside state on the real stack: connector, slot, publication, groups. */
@LocalStackTest
class TeardownIT {
  private final StackEndpoints stack;
  private final String id = "td" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final PipelineNames names = new PipelineNames("it", id);
  private final ConnectorPart connector;
  private final Admin admin;

  TeardownIT(StackEndpoints stack) throws Exception {
    this.stack = stack;
    this.connector =
        new ConnectorPart(ConnectClient.of(stack.connectUrl()), RestartBackoff.defaults());
    this.admin = KafkaAdmins.create(stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15));
    sql("CREATE SCHEMA " + id);
    sql("CREATE TABLE " + id + ".orders (id bigint PRIMARY KEY)");
  }

  @AfterEach
  void cleanUp() throws Exception {
    sql("DROP SCHEMA " + id + " CASCADE");
    admin.close();
  }

  private SourceEndpoint source() {
    return new SourceEndpoint(
        stack.postgresHost(),
        stack.postgresPort(),
        "postgres",
        stack.postgresUser(),
        stack.postgresPassword(),
        "disable");
  }

  @Test
  void shouldRemoveTheConnectorItsOffsetsTheSlotAndThePublication() throws Exception {
    Map<String, String> config =
        new HashMap<>(DebeziumPostgres.config(stack, names.topicPrefix(), id + ".orders"));
    config.putAll(EventShape.connectorSettings());
    config.put("slot.name", names.slot());
    config.put("publication.name", names.publication());
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                connector
                    .ensure(names.connector(), config, false)
                    .state()
                    .reason()
                    .equals("ConnectorRunning"));
    assertThat(count("pg_replication_slots WHERE slot_name = '" + names.slot() + "'")).isEqualTo(1);

    StepResult c = connector.remove(names.connector(), Duration.ofSeconds(30));
    StepResult s =
        new SourceTeardown(PostgresConnections.defaults(), Duration.ofSeconds(10))
            .drop(source(), names);

    assertThat(c.leftover()).isEmpty();
    assertThat(c.done()).contains("deleted connector " + names.connector() + " and its offsets");
    assertThat(ConnectClient.of(stack.connectUrl()).status(names.connector())).isEmpty();
    assertThat(s.leftover()).isEmpty();
    assertThat(s.done()).contains("dropped slot " + names.slot());
    assertThat(count("pg_replication_slots WHERE slot_name = '" + names.slot() + "'")).isZero();
    assertThat(count("pg_publication WHERE pubname = '" + names.publication() + "'")).isZero();
    assertThat(connector.remove(names.connector(), Duration.ofSeconds(5)).done())
        .startsWith("no connector");
  }

  @Test
  void shouldDropASlotThatIsStillStreamingAfterTheGracePeriod() throws Exception {
    boolean checked = false;
    try (Connection holder = pg()) {
      holder
          .createStatement()
          .execute("SELECT pg_create_logical_replication_slot('" + names.slot() + "', 'pgoutput')");
      // a replication connection keeps the slot active, as a connector that ignores stop would
      var props = new java.util.Properties();
      props.setProperty("user", stack.postgresUser());
      props.setProperty("password", stack.postgresPassword());
      props.setProperty("replication", "database");
      props.setProperty("assumeMinServerVersion", "15");
      props.setProperty("preferQueryMode", "simple");
      try (var repl = DriverManager.getConnection(stack.postgresJdbcUrl(), props)) {
        var stream =
            repl.unwrap(org.postgresql.PGConnection.class)
                .getReplicationAPI()
                .replicationStream()
                .logical()
                .withSlotName(names.slot())
                .withSlotOption("proto_version", 1)
                .withSlotOption("publication_names", "none")
                .start();
        assertThat(
                count("pg_replication_slots WHERE slot_name = '" + names.slot() + "' AND active"))
            .isEqualTo(1);

        StepResult s =
            new SourceTeardown(PostgresConnections.defaults(), Duration.ofSeconds(1))
                .drop(source(), names);

        assertThat(s.leftover()).isEmpty();
        assertThat(count("pg_replication_slots WHERE slot_name = '" + names.slot() + "'")).isZero();
        checked = true;
      } catch (java.sql.SQLException closedUnderUs) {
        // closing the replication connection whose walsender was terminated may fail
      }
    }
    assertThat(checked).as("the slot was dropped while a client streamed from it").isTrue();
  }

  @Test
  void shouldSayWhatIsLeftAndHowToRemoveItWhenTheSourceIsGone() throws Exception {
    int closed = FreePorts.any();
    var gone = new SourceEndpoint("127.0.0.1", closed, "shop", "cdc", "pw", "disable");
    StepResult r =
        new SourceTeardown(PostgresConnections.defaults(), Duration.ofSeconds(1)).drop(gone, names);
    assertThat(r.leftover())
        .hasValueSatisfying(
            l -> {
              assertThat(l.what()).contains(names.slot(), "cdc@127.0.0.1:" + closed + "/shop");
              assertThat(l.howToRemove())
                  .contains("SELECT pg_drop_replication_slot('" + names.slot() + "');");
            });
  }

  @Test
  void shouldDeleteTheConsumerGroupsOfEveryGeneration() throws Exception {
    String topic = names.topicPrefix() + ".g";
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(15, TimeUnit.SECONDS);
    for (int v : new int[] {1, 2}) {
      try (var consumer =
          new KafkaConsumer<byte[], byte[]>(
              Map.of(
                  "bootstrap.servers",
                  stack.kafkaBootstrap(),
                  "group.id",
                  names.consumerGroup(v),
                  "key.deserializer",
                  ByteArrayDeserializer.class,
                  "value.deserializer",
                  ByteArrayDeserializer.class))) {
        consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
      }
    }
    String prefix = names.consumerGroup(1).replaceAll("1$", "");

    StepResult r = new KafkaTeardown(admin, Duration.ofSeconds(15)).deleteGroups(prefix);

    assertThat(r.leftover()).isEmpty();
    assertThat(r.done()).contains(names.consumerGroup(1), names.consumerGroup(2));
    assertThat(
            admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId))
        .noneMatch(g -> g.startsWith(prefix));
    assertThat(
            new KafkaTeardown(admin, Duration.ofSeconds(15))
                .deleteTopics(List.of(topic, "absent-" + id))
                .done())
        .contains(topic)
        .doesNotContain("absent-");
  }

  private Connection pg() throws Exception {
    return DriverManager.getConnection(
        stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
  }

  private int count(String from) throws Exception {
    try (Connection c = pg();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + from)) {
      r.next();
      return r.getInt(1);
    }
  }

  private void sql(String statement) throws Exception {
    try (Connection c = pg();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
