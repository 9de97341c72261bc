package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineSpec;
import io.kubecdc.api.crd.v1alpha1.ClickHouseConnection;
import io.kubecdc.api.crd.v1alpha1.ConnectorStatus;
import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.api.crd.v1alpha1.SlotStatus;
import io.kubecdc.api.crd.v1alpha1.TablePhase;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.api.crd.v1alpha1.TaskStatus;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.cleanup.StepResult;
import io.kubecdc.operator.clickhouse.DashboardTables;
import io.kubecdc.operator.clickhouse.GenerationTables;
import io.kubecdc.operator.clickhouse.TableDdl;
import io.kubecdc.operator.clickhouse.TablesPart;
import io.kubecdc.operator.connect.ConnectClient;
import io.kubecdc.operator.connect.ConnectorConfig;
import io.kubecdc.operator.connect.ConnectorPart;
import io.kubecdc.operator.connect.ConnectorState;
import io.kubecdc.operator.connect.RestartBackoff;
import io.kubecdc.operator.kafka.DeadLetterCounts;
import io.kubecdc.operator.kafka.Freshness;
import io.kubecdc.operator.kafka.KafkaAdmins;
import io.kubecdc.operator.kafka.KafkaTeardown;
import io.kubecdc.operator.kafka.LagReader;
import io.kubecdc.operator.kafka.OldestPending;
import io.kubecdc.operator.kafka.PartitionPosition;
import io.kubecdc.operator.kafka.TopicsPart;
import io.kubecdc.operator.postgres.PostgresConnections;
import io.kubecdc.operator.postgres.PreflightRules;
import io.kubecdc.operator.postgres.SlotFacts;
import io.kubecdc.operator.postgres.SourceEndpoint;
import io.kubecdc.operator.postgres.SourcePreflight;
import io.kubecdc.operator.postgres.SourceTeardown;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile core, readable top-down: source preflight, source catalog, topics, ClickHouse
 * tables, connector (a table added to a running pipeline is backfilled, a removed one retired:
 * {@link TableChanges}), snapshot progress and lag per table, worker config. A part that fails
 * stops the chain (the parts after it would only report symptoms); a part that is degraded lets it
 * go on. The Kafka admin and ClickHouse clients are kept per endpoint and credentials ({@link
 * SharedClients}), as the pipelines of an environment share them; PostgreSQL connections and
 * Connect calls are per reconcile.
 */
public final class DefaultPipelineCore implements PipelineCore {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultPipelineCore.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** At most this long per reconcile for reading the oldest pending records. */
  private static final Duration FRESHNESS_TIMEOUT = Duration.ofSeconds(5);

  /** Retained WAL above which a slot is reported as growing, unless a driver says otherwise. */
  public static final long SLOT_WAL_WARNING_BYTES = 5L << 30;

  /** A shared client unused this long is closed: longer than any sensible resync period. */
  private static final Duration CLIENT_IDLE = Duration.ofMinutes(30);

  private final PostgresConnections postgres = PostgresConnections.defaults();
  private final SourcePreflight preflight;
  private final RestartBackoff restarts = RestartBackoff.defaults();
  private final WorkerConfigRenderer workerConfig;
  private final DeadLetterCounts deadLetters = new DeadLetterCounts(TIMEOUT);
  private final SharedClients<Admin> admins = new SharedClients<>("kafka-admin", CLIENT_IDLE);
  private final SharedClients<ClientV2Gateway> clickhouses =
      new SharedClients<>("clickhouse", CLIENT_IDLE);

  /**
   * @param workerPasswordFile where the driver puts the ClickHouse password for the worker
   * @param slotWalWarningBytes retained WAL above which the slot is reported as growing
   */
  public DefaultPipelineCore(String workerPasswordFile, long slotWalWarningBytes) {
    this.preflight = new SourcePreflight(postgres, new PreflightRules(slotWalWarningBytes));
    this.workerConfig = new WorkerConfigRenderer(workerPasswordFile);
  }

  @Override
  public CoreResult reconcile(PipelineRequest request) {
    PipelineNames names = request.names();
    CdcPipelineSpec spec = request.spec();
    SourceEndpoint endpoint = endpoint(request);
    List<PartState> parts = new ArrayList<>();

    SourcePreflight.Result source = preflight.check(endpoint, names, TablePlans.tableNames(spec));
    parts.add(source.state());
    Optional<SlotStatus> slot = source.slot().map(s -> slotStatus(s, names));
    if (!works(source.state())) {
      return result(request, parts, slot);
    }
    TablePlans.Planned planned;
    try {
      planned = TablePlans.plan(postgres, endpoint, request, source.missing());
    } catch (TablePlans.PlanException e) {
      parts.set(0, PartState.failed(source.state().part(), e.reason(), e.getMessage()));
      return result(request, parts, slot);
    }
    Admin admin = admin(request);
    PartState topics = new TopicsPart(admin, TIMEOUT).ensure(planned.topics());
    parts.add(topics);
    if (!works(topics)) {
      return result(request, parts, slot);
    }
    ClickHouseConnection ch = request.environment().getClickhouse();
    GenerationTables generationTables = new GenerationTables(clickhouse(request), ch.getCluster());
    GenerationPlan generations;
    PartState tablesPart;
    try {
      generations =
          GenerationPlan.read(generationTables, planned.plans(), spec.getCheckpoint().getVersion());
      tablesPart =
          new TablesPart(clickhouse(request))
              .ensure(
                  spec.getClickhouse().getDatabase(),
                  ch.getCluster(),
                  generations.physical(planned.plans()));
      if (works(tablesPart)) {
        generationTables.ensureViews(planned.plans(), generations.live());
      }
    } catch (RuntimeException e) {
      tablesPart = TablesPart.failure(e);
      generations = null;
    }
    parts.add(tablesPart);
    if (!works(tablesPart)) {
      return result(request, parts, slot);
    }
    Map<String, String> config = ConnectorConfig.render(request);
    planned
        .excludedColumns()
        .ifPresent(x -> config.merge("column.exclude.list", x, (a, b) -> a + "," + b));
    ConnectClient connect = connect(request);
    TableChanges changes = new TableChanges(request, TIMEOUT);
    ConnectorPart.Result connector =
        new ConnectorPart(connect, restarts)
            .ensure(
                names.connector(), config, spec.isPaused(), Optional.of(changes.backfill(connect)));
    parts.add(connector.state());
    changes.retire(connector.changes().removed(), admin, t -> dropTables(request, t));
    Set<TableName> snapshotting = changes.snapshotting(admin);
    Optional<Map<String, Long>> deadLettered =
        deadLetters.counts(admin, request.environment().getKafka(), names.deadLetterTopic());
    Checkpoints.Outcome outcome =
        advance(
            request,
            generationTables,
            generations,
            planned,
            admin,
            changes,
            deadLettered.orElse(Map.of()));
    var positions = positions(admin, request, outcome.live());
    List<TableStatus> tables =
        tableStatus(positions, request, snapshotting, source.missing(), outcome.live());
    Dashboards dashboards = Dashboards.ensure(dashboardTables(request), spec, planned.plans());
    parts.set(parts.indexOf(tablesPart), dashboards.degrade(tablesPart));
    dashboards.report(spec.getSource().getTables(), tables);
    deadLettered.ifPresent(c -> DeadLetterCounts.set(tables, c));
    List<WorkerConfig> workers = new ArrayList<>();
    for (int v : outcome.workers()) {
      List<WorkerConfigRenderer.WorkerTable> forV =
          v == outcome.live()
              ? forVersion(planned, v)
              : withDropped(planned, v, generationTables, outcome.live());
      workers.add(new WorkerConfig(v, workerConfig.render(request, v, forV)));
    }
    Observation obs =
        Observation.of(parts)
            .paused(spec.isPaused())
            .snapshotting(!snapshotting.isEmpty())
            .notice(CheckpointNotice.of(outcome.generations()));
    return new CoreResult(
        obs,
        tables,
        connector.observed().map(s -> connectorStatus(s, connector.restarts())),
        slot,
        workers,
        outcome.generations(),
        deadLetters(admin, request),
        positions);
  }

  /** Where the live generation's worker group stands; empty when Kafka does not say. */
  private static Optional<Map<TopicPartition, PartitionPosition>> positions(
      Admin admin, PipelineRequest request, int live) {
    try {
      return Optional.of(
          new LagReader(admin, TIMEOUT)
              .positions(request.names().consumerGroup(live), TablePlans.topicNames(request)));
    } catch (Exception e) {
      warn("lag_unknown", request, e);
      return Optional.empty();
    }
  }

  /** Records in the dead-letter topic, for promotion gates; empty when Kafka does not say. */
  private static OptionalLong deadLetters(Admin admin, PipelineRequest request) {
    try {
      return new LagReader(admin, TIMEOUT).written(request.names().deadLetterTopic());
    } catch (Exception e) {
      warn("dead_letters_unknown", request, e);
      return OptionalLong.empty();
    }
  }

  /**
   * The generations step; when Kafka or ClickHouse cannot answer it, the live generation alone runs
   * and the next reconcile tries again.
   */
  private static Checkpoints.Outcome advance(
      PipelineRequest request,
      GenerationTables tables,
      GenerationPlan plan,
      TablePlans.Planned planned,
      Admin admin,
      TableChanges changes,
      Map<String, Long> deadLetters) {
    try {
      return new Checkpoints(
              request,
              tables,
              admin,
              changes.sender(),
              changes::snapshotOutcome,
              deadLetters,
              TIMEOUT,
              Instant.now())
          .advance(plan, planned.plans(), planned.workerTopics());
    } catch (Exception e) {
      warn("checkpoint_step_failed", request, e);
      return new Checkpoints.Outcome(plan.live(), plan.active(), request.previousGenerations());
    }
  }

  /** A step that may fail without stopping the reconcile: logged, the interrupt kept. */
  private static void warn(String event, PipelineRequest request, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    LOG.warn(
        "event={} pipeline={} error=\"{}\"", event, request.names().connector(), e.getMessage());
  }

  private static List<WorkerConfigRenderer.WorkerTable> forVersion(
      TablePlans.Planned planned, int version) {
    return planned.workerTables().stream()
        .map(
            w ->
                new WorkerConfigRenderer.WorkerTable(
                    w.topic(), GenerationTables.forVersion(w.plan(), version), w.keyColumns()))
        .toList();
  }

  /**
   * A generation rebuilt beside the live one reads the topics from the start: their events from
   * before a column was dropped or renamed at the source still carry it. Its worker is told the
   * columns the live generation's table has and the source (the plan) no longer has, so that it
   * leaves them out instead of adding them back to the new table. Unknown when ClickHouse does not
   * answer: then none, and the next reconcile renders them.
   */
  private static List<WorkerConfigRenderer.WorkerTable> withDropped(
      TablePlans.Planned planned, int version, GenerationTables generations, int live) {
    List<WorkerConfigRenderer.WorkerTable> out = new ArrayList<>();
    for (WorkerConfigRenderer.WorkerTable w : planned.workerTables()) {
      List<String> dropped = List.of();
      try {
        dropped = generations.droppedColumns(w.plan(), live);
      } catch (RuntimeException e) {
        LOG.warn(
            "event=dropped_columns_unknown table={} error=\"{}\"",
            w.plan().table(),
            e.getMessage());
      }
      out.add(
          new WorkerConfigRenderer.WorkerTable(
              w.topic(), GenerationTables.forVersion(w.plan(), version), w.keyColumns(), dropped));
    }
    return out;
  }

  @Override
  public TeardownResult teardown(PipelineRequest request) {
    PipelineNames names = request.names();
    List<StepResult> steps = new ArrayList<>();
    steps.add(
        new ConnectorPart(connect(request), restarts)
            .remove(names.connector(), Duration.ofSeconds(30)));
    steps.add(new SourceTeardown(postgres, Duration.ofSeconds(10)).drop(endpoint(request), names));
    DeletionPolicy policy = request.spec().getDeletionPolicy();
    KafkaTeardown kafka = new KafkaTeardown(admin(request), TIMEOUT);
    steps.add(kafka.deleteGroups("kubecdc." + names.namespace() + "." + names.pipeline() + ".v"));
    // the connector's signal bookkeeping goes whatever the policy: a pipeline re-created with
    // this name must not execute the old signals again
    steps.add(kafka.deleteGroup(names.signalGroup()));
    steps.add(kafka.deleteTopics(List.of(names.signalTopic(), names.notificationTopic())));
    if (policy.getTopics() == DeletionPolicy.Action.DELETE) {
      List<String> topics = new ArrayList<>(TablePlans.topicNames(request));
      topics.add(names.deadLetterTopic());
      topics.add(names.heartbeatTopic());
      steps.add(kafka.deleteTopics(topics));
    }
    // dashboard tables are copies with a refresh job: dropped whatever the policy, so that no
    // job goes on refreshing from a pipeline that is gone
    steps.add(dropDashboardTables(request));
    if (policy.getTables() == DeletionPolicy.Action.DELETE) {
      steps.add(dropTables(request, generationTableNames(request)));
    }
    List<String> done = new ArrayList<>();
    List<io.kubecdc.operator.cleanup.Leftover> left = new ArrayList<>();
    for (StepResult s : steps) {
      s.leftover().ifPresentOrElse(left::add, () -> done.add(s.done()));
    }
    LOG.info(
        "event=teardown pipeline={} done={} leftovers={}",
        names.connector(),
        done.size(),
        left.size());
    return new TeardownResult(done, left);
  }

  /**
   * Every table of every checkpoint generation: the stable name (generation 1's table or the view)
   * first, then the {@code <table>_v<N>} tables that exist.
   */
  private List<String> generationTableNames(PipelineRequest request) {
    String database = request.spec().getClickhouse().getDatabase();
    List<String> out = new ArrayList<>();
    List<String> targets =
        request.spec().getSource().getTables().stream().map(TablePlans::targetName).toList();
    out.addAll(targets);
    try {
      var generations =
          new GenerationTables(
              clickhouse(request), request.environment().getClickhouse().getCluster());
      for (String t : targets) {
        out.addAll(generations.versions(database, t).values());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "event=generation_tables_unknown pipeline={} error=\"{}\"",
          request.names().connector(),
          e.getMessage());
    }
    return out;
  }

  private StepResult dropTables(PipelineRequest request, List<String> tables) {
    String database = request.spec().getClickhouse().getDatabase();
    String cluster = request.environment().getClickhouse().getCluster();
    List<String> dropped = new ArrayList<>();
    try {
      ClientV2Gateway gateway = clickhouse(request);
      for (String table : tables) {
        gateway.execute(TableDdl.dropTable(database, table, cluster));
        dropped.add(table);
      }
      return StepResult.done("dropped ClickHouse table(s) " + dropped);
    } catch (RuntimeException e) {
      return StepResult.left(
          new io.kubecdc.operator.cleanup.Leftover(
              "ClickHouse tables in " + database,
              e.getMessage(),
              "DROP TABLE <table> in ClickHouse for each remaining table"));
    }
  }

  private DashboardTables dashboardTables(PipelineRequest request) {
    return new DashboardTables(
        clickhouse(request),
        request.environment().getClickhouse().getCluster(),
        DashboardTables.marker(request.names().namespace(), request.names().pipeline()));
  }

  private StepResult dropDashboardTables(PipelineRequest request) {
    String database = request.spec().getClickhouse().getDatabase();
    try {
      return StepResult.done(
          "dropped dashboard table(s) " + dashboardTables(request).dropAll(database));
    } catch (RuntimeException e) {
      return StepResult.left(
          new io.kubecdc.operator.cleanup.Leftover(
              "dashboard tables in " + database,
              e.getMessage(),
              "DROP TABLE <table>__kubecdc_refresh, then DROP TABLE <table>_current, in"
                  + " ClickHouse"));
    }
  }

  private List<TableStatus> tableStatus(
      Optional<Map<TopicPartition, PartitionPosition>> positions,
      PipelineRequest request,
      Set<TableName> backfills,
      Set<TableName> missing,
      int live) {
    List<String> topics = TablePlans.topicNames(request);
    Map<String, Long> lag = positions.map(p -> LagReader.lag(topics, p)).orElse(Map.of());
    Map<String, Long> freshness =
        positions.map(p -> freshness(request, topics, p)).orElse(Map.of());
    List<TableStatus> out = new ArrayList<>();
    var specTables = request.spec().getSource().getTables();
    for (int i = 0; i < specTables.size(); i++) {
      TableStatus s = new TableStatus();
      String name = specTables.get(i).getName();
      TableName table = TableName.parse(name);
      s.setName(name);
      s.setPhase(
          missing.contains(table)
              ? TablePhase.SourceTableMissing
              : backfills.contains(table) ? TablePhase.Snapshotting : TablePhase.Streaming);
      s.setTopic(topics.get(i));
      s.setClickhouseTable(
          request.spec().getClickhouse().getDatabase()
              + "."
              + GenerationTables.physical(TablePlans.targetName(specTables.get(i)), live));
      s.setLag(lag.get(topics.get(i)));
      s.setFreshnessSeconds(freshness.get(topics.get(i)));
      out.add(s);
    }
    return out;
  }

  /**
   * Freshness per topic from the live generation's positions: the oldest pending record of each
   * lagging partition is read with a short-lived consumer, bounded by {@link #FRESHNESS_TIMEOUT} so
   * that a slow broker delays a reconcile by seconds only (and leaves the freshness unknown).
   */
  private static Map<String, Long> freshness(
      PipelineRequest request,
      List<String> topics,
      Map<org.apache.kafka.common.TopicPartition, PartitionPosition> positions) {
    var lagging = Freshness.lagging(positions);
    Map<org.apache.kafka.common.TopicPartition, Long> oldest = Map.of();
    if (!lagging.isEmpty()) {
      var k = request.environment().getKafka();
      try {
        oldest =
            new OldestPending(k.getBootstrapServers(), k.getClientProperties(), FRESHNESS_TIMEOUT)
                .timestamps(lagging);
      } catch (RuntimeException e) {
        warn("freshness_unknown", request, e);
      }
    }
    return Freshness.perTopic(topics, positions, oldest, Instant.now());
  }

  /** A reconcile that stopped at a part: no worker change, the generations as they were. */
  private static CoreResult result(
      PipelineRequest request, List<PartState> parts, Optional<SlotStatus> slot) {
    Observation obs = Observation.of(parts).paused(request.spec().isPaused());
    return new CoreResult(
        obs, List.of(), Optional.empty(), slot, List.of(), request.previousGenerations());
  }

  private static boolean works(PartState s) {
    return s.health() == Health.READY || s.health() == Health.DEGRADED;
  }

  private static SourceEndpoint endpoint(PipelineRequest request) {
    return request.sourceEndpoint();
  }

  private Admin admin(PipelineRequest request) {
    var k = request.environment().getKafka();
    return admins.get(
        k.getBootstrapServers(),
        String.valueOf(k.getClientProperties()),
        () -> KafkaAdmins.create(k.getBootstrapServers(), k.getClientProperties(), TIMEOUT));
  }

  private ClientV2Gateway clickhouse(PipelineRequest request) {
    Secrets.Credentials c = request.secrets().clickhouse();
    String url = request.environment().getClickhouse().getUrl();
    return clickhouses.get(
        url,
        c.user() + "\n" + c.password(),
        () -> io.kubecdc.operator.clickhouse.ClickHouseClients.open(url, c.user(), c.password()));
  }

  private static ConnectClient connect(PipelineRequest request) {
    return ConnectClient.of(request.environment().getConnect().getUrl());
  }

  private static SlotStatus slotStatus(SlotFacts s, PipelineNames names) {
    SlotStatus out = new SlotStatus();
    out.setName(s.name());
    out.setPublication(names.publication());
    out.setActive(s.active());
    out.setRetainedWalBytes(s.retainedWalBytes());
    out.setWalStatus(s.walStatus());
    return out;
  }

  private static ConnectorStatus connectorStatus(ConnectorState s, int restarts) {
    ConnectorStatus out = new ConnectorStatus();
    out.setName(s.name());
    out.setState(s.state());
    for (var t : s.tasks()) {
      TaskStatus ts = new TaskStatus();
      ts.setId(t.id());
      ts.setState(t.state());
      ts.setReason(t.failed() ? t.reason() : null);
      ts.setRestarts(t.failed() ? restarts : 0);
      out.getTasks().add(ts);
    }
    return out;
  }
}
