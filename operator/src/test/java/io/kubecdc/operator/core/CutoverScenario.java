package io.kubecdc.operator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.api.crd.v1alpha1.TopicSettings;
import io.kubecdc.operator.clickhouse.GenerationTables;
import io.kubecdc.operator.kafka.KafkaAdmins;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.stack.StackEndpoints;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A checkpoint bump on the real local stack, driven as a driver drives the core: {@code rows} rows
 * stream into generation 1, then, under a steady write load and with a reader polling the stable
 * name the whole time, the version is raised to 2. Generation 2 is built beside generation 1 from
 * the expected source, switches in, generation 1 is retired (its worker, group and, after the
 * retention, its table gone), ClickHouse equals PostgreSQL, the reader saw no error and no drop,
 * and the teardown leaves no table. Prints what it measured ({@code event=cutover_measured}).
 */
final class CutoverScenario {
  /** What the test does to the topics before the bump, e.g. make them lose their oldest events. */
  interface BeforeBump {
    void apply(Admin admin, PipelineRequest request) throws Exception;
  }

  private final StackEndpoints stack;
  private final Path dir;
  private final String id;
  private final int rows;
  private TopicSettings.CleanupPolicy cleanupPolicy = TopicSettings.CleanupPolicy.COMPACT;
  private BeforeBump beforeBump = (admin, request) -> {};
  private boolean replaceBuild;
  private boolean loseARow;

  CutoverScenario(StackEndpoints stack, Path dir, String prefix, int rows) {
    this.stack = stack;
    this.dir = dir;
    this.id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    this.rows = rows;
  }

  CutoverScenario cleanupPolicy(TopicSettings.CleanupPolicy policy) {
    this.cleanupPolicy = policy;
    return this;
  }

  CutoverScenario beforeBump(BeforeBump hook) {
    this.beforeBump = hook;
    return this;
  }

  /**
   * Raises the version once more, to 3, while generation 2 is half built: generation 3 must replace
   * the build (generation 2's worker, consumer group and tables removed) and go live.
   */
  CutoverScenario replacingTheBuild() {
    this.replaceBuild = true;
    return this;
  }

  /**
   * Makes the build lose a row on purpose, as a Debezium read that never came would: once the
   * snapshot read of the last seeded row (which the load never updates) is in generation 2's table,
   * it is deleted from there, before the core may judge the build. The core must find it missing,
   * ask for another snapshot and switch only once the row is back.
   */
  CutoverScenario losingARowOfTheBuild() {
    this.loseARow = true;
    return this;
  }

  /** Runs the scenario; the generation that goes live must report {@code source}. */
  void run(RebuildSource source) throws Exception {
    int last = replaceBuild ? 3 : 2;
    StackPipeline pipeline = new StackPipeline(stack, dir, id);
    LoadAndReader.createOrders(pipeline, id, rows);
    CdcPipelineSpec spec = pipeline.spec(List.of("orders"));
    spec.getDeletionPolicy().setTables(DeletionPolicy.Action.DELETE);
    spec.getDeletionPolicy().setTopics(DeletionPolicy.Action.DELETE);
    spec.getCheckpoint().getCutover().setRetainPreviousFor("1s");
    spec.getTopics().setCleanupPolicy(cleanupPolicy);
    PipelineRequest request = pipeline.request(spec);
    DefaultPipelineCore core = pipeline.core();
    AtomicReference<CoreResult> result = new AtomicReference<>();
    try (GenerationWorkerProcesses workers = new GenerationWorkerProcesses(pipeline);
        ClientV2Gateway ch = pipeline.clickhouse();
        Admin admin =
            KafkaAdmins.create(stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15))) {
      result.set(StackPipeline.reconcileUntilRunning(core, request));
      workers.apply(result.get());
      await().atMost(Duration.ofSeconds(120)).until(() -> count(ch, id + ".orders") == rows);

      // the lost row is the last seeded one: the load never updates it
      try (LoadAndReader load = new LoadAndReader(stack, id, loseARow ? rows - 1 : rows)) {
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.reads() > 20);
        beforeBump.apply(admin, request);
        spec.getCheckpoint().setVersion(2);
        long bumped = System.nanoTime();
        if (replaceBuild) {
          await()
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofSeconds(1))
              .until(
                  () -> {
                    CoreResult r = step(core, request, result, workers);
                    Long built = generation(r, 2).getRows();
                    return workers.running().containsKey(2) && built != null && built > 0;
                  });
          spec.getCheckpoint().setVersion(3);
          bumped = System.nanoTime();
        }
        long[] switching = {0};
        boolean[] lost = {!loseARow};
        Set<String> messages = new LinkedHashSet<>();
        await()
            .atMost(Duration.ofSeconds(150))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> {
                  if (!lost[0] && state(result.get(), last) != null) {
                    // no reconcile judges the build before the row is gone from it
                    lost[0] = loseRow(ch, last);
                    if (!lost[0]) {
                      return false;
                    }
                  }
                  CoreResult r = step(core, request, result, workers);
                  r.generations().stream()
                      .filter(g -> g.getVersion() == last)
                      .forEach(g -> messages.add(String.valueOf(g.getMessage())));
                  if (switching[0] == 0 && state(r, last) == GenerationState.Switching) {
                    switching[0] = System.nanoTime();
                  }
                  return state(r, last) == GenerationState.Live;
                });
        long live = System.nanoTime();
        if (loseARow) {
          assertThat(messages)
              .as("the build's status messages")
              .anyMatch(
                  m ->
                      m.startsWith(
                          "incomplete: orders lacks 1 rows of the live generation after the"
                              + " incremental snapshot "));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> load.readsAfter(live) > 10);
        load.stop();
        System.out.printf(
            "event=cutover_measured source=%s rows=%d bump_to_live_ms=%d switching_to_live_ms=%d"
                + " %s%n",
            source,
            rows,
            (live - bumped) / 1_000_000,
            (live - switching[0]) / 1_000_000,
            load.seen());
        load.assertNoErrorNoDrop();
      }

      GenerationTables tables = new GenerationTables(ch, null);
      assertThat(tables.live(id, "orders")).hasValue(last);
      assertThat(result.get().workers()).extracting(WorkerConfig::version).containsExactly(last);
      assertThat(workers.running()).containsOnlyKeys(last);
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .untilAsserted(
                () -> {
                  result.set(
                      core.reconcile(request.withPrevious(List.of(), result.get().generations())));
                  assertThat(result.get().tables().get(0).getLag()).isZero();
                  List<String> inClickHouse = clickhouse(ch);
                  List<String> inPostgres = postgres();
                  assertThat(difference(inClickHouse, inPostgres))
                      .as("rows differing between ClickHouse and PostgreSQL")
                      .isEmpty();
                  assertThat(inClickHouse).hasSameSizeAs(inPostgres);
                  assertThat(tables.versions(id, "orders")).containsOnlyKeys(last);
                });
      } catch (ConditionTimeoutException | AssertionError e) {
        evidence(ch, admin, request, last);
        throw e;
      }
      assertThat(groups(admin)).containsExactly(request.names().consumerGroup(last));
      assertThat(result.get().tables().get(0).getClickhouseTable())
          .isEqualTo(id + ".orders_v" + last);
      GenerationStatus v1 = generation(result.get(), 1);
      GenerationStatus v2 = generation(result.get(), last);
      assertThat(v1.getState()).isEqualTo(GenerationState.Retired);
      assertThat(v1.getRetiredAt()).isNotNull();
      assertThat(v1.getTablesDropped()).isTrue();
      assertThat(v1.getMessage()).contains("replaced by generation " + last);
      if (replaceBuild) {
        GenerationStatus abandoned = generation(result.get(), 2);
        assertThat(abandoned.getState()).isEqualTo(GenerationState.Retired);
        assertThat(abandoned.getTablesDropped()).isTrue();
        assertThat(abandoned.getMessage())
            .isEqualTo(
                "abandoned before it went live: replaced by generation 3; its tables and consumer"
                    + " group were removed");
      }
      assertThat(v2.getState()).isEqualTo(GenerationState.Live);
      assertThat(v2.getSource()).isEqualTo(source);
      assertThat(v2.getStartedAt()).isNotNull();
      assertThat(v2.getLiveAt()).isNotNull();
      assertThat(v2.getMessage()).startsWith("switched in: caught up");
      assertThat(result.get().building()).isFalse();
    }

    TeardownResult down = core.teardown(request);
    assertThat(down.leftovers()).isEmpty();
    try (ClientV2Gateway ch = pipeline.clickhouse()) {
      assertThat(
              StackPipeline.rows(
                  ch, "SELECT count() FROM system.tables WHERE database = '" + id + "'"))
          .containsExactly("0");
      ch.execute("DROP DATABASE IF EXISTS `" + id + "`");
    }
    pipeline.pg("DROP SCHEMA " + id + " CASCADE");
  }

  /**
   * Deletes the last seeded row from generation {@code version}'s table once the snapshot read of
   * it (an even {@code _version}) is there; false while it is not.
   */
  private boolean loseRow(ClientV2Gateway ch, int version) {
    String table = "`" + id + "`.`orders_v" + version + "`";
    String where = " WHERE id = " + rows;
    if (StackPipeline.rows(ch, "SELECT count() FROM " + table + where + " AND _version % 2 = 0")
        .get(0)
        .equals("0")) {
      return false;
    }
    ch.execute("ALTER TABLE " + table + " DELETE" + where + " SETTINGS mutations_sync = 2");
    assertThat(StackPipeline.rows(ch, "SELECT count() FROM " + table + " FINAL" + where))
        .containsExactly("0");
    System.out.println("event=build_row_lost table=" + table + " id=" + rows);
    return true;
  }

  /** One reconcile as a driver does it: the last history in, the workers made to match. */
  private static CoreResult step(
      PipelineCore core,
      PipelineRequest request,
      AtomicReference<CoreResult> result,
      GenerationWorkerProcesses workers)
      throws Exception {
    CoreResult r = core.reconcile(request.withPrevious(List.of(), result.get().generations()));
    result.set(r);
    workers.apply(r);
    return r;
  }

  /** The state of generation {@code version} in {@code r}, null before it is in the history. */
  static GenerationState state(CoreResult r, int version) {
    return r.generations().stream()
        .filter(g -> g.getVersion() == version)
        .map(GenerationStatus::getState)
        .findFirst()
        .orElse(null);
  }

  static GenerationStatus generation(CoreResult r, int version) {
    return r.generations().stream()
        .filter(g -> g.getVersion() == version)
        .findFirst()
        .orElseThrow();
  }

  private List<String> groups(Admin admin) throws Exception {
    return admin.listConsumerGroups().all().get().stream()
        .map(ConsumerGroupListing::groupId)
        .filter(g -> g.startsWith("kubecdc.it." + id + "."))
        .toList();
  }

  /** Every current row of the stable name, {@code id|amount|note}, ordered by id. */
  private List<String> clickhouse(ClientV2Gateway ch) {
    return StackPipeline.rows(
        ch,
        "SELECT id, amount, note FROM `" + id + "`.orders FINAL WHERE _deleted = 0 ORDER BY id");
  }

  /** Every row of the source table, as {@link #clickhouse} renders them. */
  private List<String> postgres() throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
        var rs =
            c.createStatement()
                .executeQuery("SELECT id, amount, note FROM " + id + ".orders ORDER BY id")) {
      while (rs.next()) {
        out.add(rs.getLong(1) + "|" + rs.getInt(2) + "|" + rs.getString(3));
      }
    }
    return out;
  }

  /** The rows on one side only, at most 20 of them: what a failed comparison prints. */
  private static List<String> difference(List<String> clickhouse, List<String> postgres) {
    Set<String> onlyClickHouse = new TreeSet<>(clickhouse);
    postgres.forEach(onlyClickHouse::remove);
    Set<String> onlyPostgres = new TreeSet<>(postgres);
    clickhouse.forEach(onlyPostgres::remove);
    List<String> out = new ArrayList<>();
    onlyClickHouse.stream().limit(10).forEach(r -> out.add("clickhouse only: " + r));
    onlyPostgres.stream().limit(10).forEach(r -> out.add("postgres only: " + r));
    return out;
  }

  static long count(ClientV2Gateway ch, String table) {
    return Long.parseLong(
        StackPipeline.rows(ch, "SELECT count() FROM " + table + " FINAL WHERE _deleted = 0")
            .get(0));
  }

  /**
   * What a lost row leaves behind, printed when ClickHouse does not end equal to PostgreSQL: the
   * ids missing from the live generation, every record of the topic that names them, the
   * notification topic and the offsets the live generation's group committed.
   */
  private void evidence(ClientV2Gateway ch, Admin admin, PipelineRequest request, int last) {
    try {
      Set<Long> pg = new TreeSet<>();
      try (Connection c =
              DriverManager.getConnection(
                  stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
          var rs = c.createStatement().executeQuery("SELECT id FROM " + id + ".orders")) {
        while (rs.next()) {
          pg.add(rs.getLong(1));
        }
      }
      StackPipeline.rows(ch, "SELECT id FROM `" + id + "`.orders FINAL WHERE _deleted = 0")
          .forEach(r -> pg.remove(Long.parseLong(r.trim())));
      System.out.println("event=lost_rows_evidence missing=" + pg);
      var signals =
          new io.kubecdc.operator.kafka.SignalTopics(
              stack.kafkaBootstrap(), Map.of(), Duration.ofSeconds(15));
      String topic =
          io.kubecdc.contract.TopicNames.dataChange(request.names().topicPrefix(), id, "orders");
      List<String> values = signals.values(topic);
      System.out.println("event=lost_rows_evidence topic=" + topic + " records=" + values.size());
      for (long missing : pg.stream().limit(5).toList()) {
        String key = "\"id\":" + missing + ",";
        values.stream()
            .filter(v -> v.contains(key))
            .forEach(
                v ->
                    System.out.println(
                        "event=lost_rows_evidence id="
                            + missing
                            + " record="
                            + v.substring(Math.max(0, v.indexOf("\"payload\"")))));
      }
      signals
          .values(request.names().notificationTopic())
          .forEach(n -> System.out.println("event=lost_rows_evidence notification=" + n));
      System.out.println(
          "event=lost_rows_evidence group_offsets="
              + admin
                  .listConsumerGroupOffsets(request.names().consumerGroup(last))
                  .partitionsToOffsetAndMetadata()
                  .get());
    } catch (Exception e) {
      System.out.println("event=lost_rows_evidence_failed error=" + e);
    }
  }
}
