package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.api.crd.v1alpha1.TablePhase;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.operator.kafka.KafkaAdmins;
import io.kubecdc.operator.kafka.SignalTopics;
import io.kubecdc.operator.status.Part;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.junit.LocalStackTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables added to and removed from a running pipeline, on the real local stack: a one-table
 * pipeline streams; a second table that already has rows is added and backfilled by an incremental
 * snapshot while the first keeps streaming; then it is removed and its later changes reach neither
 * its topic nor ClickHouse, which keeps (deletion policy Retain) what arrived before.
 */
@LocalStackTest
class TableChangesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  // a name that must be quoted in SQL and in Debezium's signals
  private static final String ITEMS = "\"OrderItems\"";
  private final StackEndpoints stack;
  private final String id = "tch" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  @TempDir Path dir;
  private StackPipeline pipeline;
  private DefaultPipelineCore core;
  private Process worker;

  TableChangesIT(StackEndpoints stack) {
    this.stack = stack;
  }

  @Test
  void shouldBackfillAnAddedTableAndStopCapturingARemovedOne() throws Exception {
    createTables();
    pipeline.pg("INSERT INTO " + id + ".customers VALUES (1, 'Ada'), (2, 'Grace')");
    pipeline.pg(
        "INSERT INTO "
            + id
            + ".\"OrderItems\" SELECT g, g * 1.25 FROM generate_series(1, 2500) AS g");
    PipelineRequest one = pipeline.request(pipeline.spec(List.of("customers")));
    CoreResult first = reconcileUntilRunning(one);
    assertThat(first.tables())
        .extracting(TableStatus::getPhase)
        .containsExactly(TablePhase.Streaming);
    worker = pipeline.startWorker(first.workerConfig().orElseThrow());
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      awaitRows(ch, "customers", "id, name", "1|Ada", "2|Grace");

      PipelineRequest two = pipeline.request(pipeline.spec(List.of("customers", ITEMS)));
      CoreResult added = core.reconcile(two);
      assertThat(added.tables())
          .extracting(TableStatus::getName, TableStatus::getPhase)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(id + ".customers", TablePhase.Streaming),
              org.assertj.core.groups.Tuple.tuple(id + "." + ITEMS, TablePhase.Snapshotting));
      assertThat(added.observation().snapshotting()).isTrue();
      assertThat(added.workerConfig().orElseThrow()).contains(itemsTopic());
      restartWorker(added.workerConfig().orElseThrow());
      // changes while the backfill runs: an update of a row the snapshot also reads, a new row
      pipeline.pg("UPDATE " + id + ".\"OrderItems\" SET amount = 99.99 WHERE id = 7");
      pipeline.pg("INSERT INTO " + id + ".\"OrderItems\" VALUES (5000, 1.00)");
      pipeline.pg("INSERT INTO " + id + ".customers VALUES (3, 'Linus')");

      // a fresh core, as after an operator restart: the progress is read from Kafka
      core = pipeline.core();
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () ->
                  core.reconcile(two).tables().stream()
                      .allMatch(t -> t.getPhase() == TablePhase.Streaming));
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          StackPipeline.rows(
                              ch,
                              "SELECT count(), countDistinct(id), sum(amount) FROM `"
                                  + id
                                  + "`.`OrderItems` FINAL WHERE _deleted = 0"))
                      .containsExactly(
                          "2501|2501|"
                              + pgValue("SELECT sum(amount) FROM " + id + ".\"OrderItems\"")));
      assertThat(
              StackPipeline.rows(
                  ch,
                  "SELECT id, amount FROM `"
                      + id
                      + "`.`OrderItems` FINAL WHERE id IN (1, 7, 5000)"
                      + " ORDER BY id"))
          .containsExactly("1|1.25", "7|99.99", "5000|1.00");
      awaitRows(ch, "customers", "id, name", "1|Ada", "2|Grace", "3|Linus");
      assertThat(snapshotReads(id + ".customers"))
          .as("the first table is not snapshotted again")
          .isEqualTo(2);

      CdcPipelineSpec back = pipeline.spec(List.of("customers"));
      CoreResult removed = core.reconcile(pipeline.request(back));
      assertThat(removed.tables())
          .extracting(TableStatus::getName)
          .containsExactly(id + ".customers");
      assertThat(removed.workerConfig().orElseThrow()).doesNotContain(itemsTopic());
      restartWorker(removed.workerConfig().orElseThrow());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  "ConnectorRunning"
                      .equals(
                          core.reconcile(pipeline.request(back))
                              .observation()
                              .parts()
                              .get(Part.CONNECTOR)
                              .reason()));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  pipeline.count(
                          "pg_publication_tables WHERE pubname = 'kubecdc_it_"
                              + id
                              + "' AND tablename = 'OrderItems'")
                      == 0);
      String itemsTopicName = itemsTopic();
      long before = endOffset(itemsTopicName);
      pipeline.pg("UPDATE " + id + ".\"OrderItems\" SET amount = 0 WHERE id = 1");
      pipeline.pg("INSERT INTO " + id + ".\"OrderItems\" VALUES (6000, 6.00)");
      pipeline.pg("INSERT INTO " + id + ".customers VALUES (4, 'Barbara')");
      awaitRows(ch, "customers", "id, name", "1|Ada", "2|Grace", "3|Linus", "4|Barbara");
      assertThat(endOffset(itemsTopicName)).as("no event of the removed table").isEqualTo(before);
      assertThat(
              StackPipeline.rows(
                  ch,
                  "SELECT count(), sum(id = 6000), sum(amount = 0) FROM `"
                      + id
                      + "`.`OrderItems` FINAL WHERE _deleted = 0"))
          .as("Retain keeps the table as it was")
          .containsExactly("2501|0|0");
    }
  }

  @Test
  void shouldDropTheTopicAndTableOfARemovedTableWhenThePolicySaysDelete() throws Exception {
    createTables();
    CdcPipelineSpec both = deleting(pipeline.spec(List.of("customers", ITEMS)));
    reconcileUntilRunning(pipeline.request(both));
    String itemsTopicName = itemsTopic();
    assertThat(topics()).contains(itemsTopicName);

    CoreResult removed =
        core.reconcile(pipeline.request(deleting(pipeline.spec(List.of("customers")))));
    assertThat(removed.tables())
        .extracting(TableStatus::getName)
        .containsExactly(id + ".customers");
    await().atMost(Duration.ofSeconds(30)).until(() -> !topics().contains(itemsTopicName));
    assertThat(topics()).contains("it." + id + "." + id + ".customers");
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      assertThat(
              StackPipeline.rows(
                  ch, "SELECT name FROM system.tables WHERE database = '" + id + "' ORDER BY name"))
          .containsExactly("customers");
    }
  }

  private static CdcPipelineSpec deleting(CdcPipelineSpec spec) {
    spec.getDeletionPolicy().setTables(DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(DeletionPolicy.Action.DELETE);
    return spec;
  }

  private java.util.Set<String> topics() throws Exception {
    try (Admin admin =
        KafkaAdmins.create(stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15))) {
      return admin.listTopics().names().get(15, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    StackPipeline.stop(worker);
    if (core == null) {
      return;
    }
    PipelineRequest all = pipeline.request(deleting(pipeline.spec(List.of("customers", ITEMS))));
    assertThat(core.teardown(all).leftovers()).isEmpty();
    var names = all.names();
    assertThat(topics()).doesNotContain(names.signalTopic(), names.notificationTopic());
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pipeline.pg("DROP SCHEMA IF EXISTS " + id + " CASCADE");
  }

  private String itemsTopic() {
    return "it." + id + "." + id + ".OrderItems";
  }

  private void createTables() throws Exception {
    pipeline = new StackPipeline(stack, dir, id);
    core = pipeline.core();
    pipeline.pg("CREATE SCHEMA " + id);
    pipeline.pg("CREATE TABLE " + id + ".customers (id int PRIMARY KEY, name text)");
    pipeline.pg(
        "CREATE TABLE " + id + ".\"OrderItems\" (id int PRIMARY KEY, amount numeric(10,2))");
  }

  private CoreResult reconcileUntilRunning(PipelineRequest request) {
    return StackPipeline.reconcileUntilRunning(core, request);
  }

  private void restartWorker(String yaml) throws Exception {
    StackPipeline.stop(worker);
    worker = pipeline.startWorker(yaml);
  }

  private void awaitRows(ClientV2Gateway ch, String table, String columns, String... expected) {
    pipeline.awaitLiveRows(ch, table, columns, expected);
  }

  private String pgValue(String sql) throws Exception {
    try (var c =
            java.sql.DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        var r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  /** Snapshot reads ({@code op = r}) in the topic of {@code table}. */
  private long snapshotReads(String table) throws Exception {
    List<String> values =
        new SignalTopics(stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15))
            .values("it." + id + "." + table);
    long reads = 0;
    for (String v : values) {
      JsonNode op = JSON.readTree(v).path("payload").path("op");
      reads += "r".equals(op.asText()) ? 1 : 0;
    }
    return reads;
  }

  private long endOffset(String topic) throws Exception {
    try (Admin admin =
        KafkaAdmins.create(stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15))) {
      var tp = new org.apache.kafka.common.TopicPartition(topic, 0);
      return admin
          .listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()))
          .all()
          .get(15, TimeUnit.SECONDS)
          .get(tp)
          .offset();
    }
  }
}
