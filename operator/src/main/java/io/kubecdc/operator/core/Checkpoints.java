package io.kubecdc.operator.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.api.crd.v1alpha1.CutoverSettings;
import io.kubecdc.api.crd.v1alpha1.GenerationState;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import io.kubecdc.api.crd.v1alpha1.RebuildSource;
import io.kubecdc.api.crd.v1alpha1.TopicSettings;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.clickhouse.GenerationTables;
import io.kubecdc.operator.clickhouse.TablePlan;
import io.kubecdc.operator.config.Durations;
import io.kubecdc.operator.connect.Backfill;
import io.kubecdc.operator.connect.SnapshotSignals;
import io.kubecdc.operator.kafka.ConsumerGroups;
import io.kubecdc.operator.kafka.KafkaTeardown;
import io.kubecdc.operator.kafka.LagReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the checkpoint generations on, one reconcile at a time, from what ClickHouse and Kafka show
 * and the history of the last status: a generation being built is compared with the live one
 * ({@link Cutover}); once it has caught up it is {@code Switching}: the live generation's workers
 * are left out of the result (so the driver stops them), and when their consumer group has no
 * member left and the new generation's group has committed at least as far as theirs (so readers
 * never see older rows after the switch than before it) the views switch, the old group is deleted
 * and the old generation is retired. A build replaced by a newer bump is dropped (tables and
 * group); a retired generation's tables are dropped after {@code retainPreviousFor} unless {@code
 * previousTables} is {@code Retain}.
 */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final int HISTORY = 10;
  private static final ObjectMapper COPY = new ObjectMapper();

  /** The live generation after this reconcile, the workers to run, and the history to show. */
  record Outcome(int live, List<Integer> workers, List<GenerationStatus> generations) {}

  private final PipelineRequest request;
  private final GenerationTables tables;
  private final Admin admin;
  private final Duration timeout;
  private final Instant now;
  private final Backfill.SignalSender signals;
  private final Function<String, SnapshotProgress.Report> snapshots;
  private final Map<String, Long> deadLetters;

  Checkpoints(
      PipelineRequest request,
      GenerationTables tables,
      Admin admin,
      Backfill.SignalSender signals,
      Function<String, SnapshotProgress.Report> snapshots,
      Map<String, Long> deadLetters,
      Duration timeout,
      Instant now) {
    this.request = request;
    this.deadLetters = deadLetters;
    this.signals = signals;
    this.snapshots = snapshots;
    this.tables = tables;
    this.admin = admin;
    this.timeout = timeout;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  Outcome advance(GenerationPlan plan, List<TablePlan> plans, List<String> topics)
      throws Exception {
    PipelineNames names = request.names();
    CutoverSettings settings = request.spec().getCheckpoint().getCutover();
    Map<Integer, GenerationStatus> gens = new TreeMap<>();
    // copies: the previous status is compared with the new one to decide whether to patch it
    request.previousGenerations().stream()
        .map(g -> COPY.convertValue(g, GenerationStatus.class))
        .forEach(g -> gens.put(g.getVersion(), g));
    int live = plan.live();
    GenerationStatus current = entry(gens, live);
    current.setState(GenerationState.Live);
    if (current.getLiveAt() == null) {
      current.setLiveAt(now.toString());
    }
    plan.refusal().ifPresent(current::setMessage);
    dropAbandoned(gens, plan, plans);
    List<Integer> workers = List.of(live);
    if (plan.building()) {
      int target = plan.target();
      workers = List.of(live, target);
      GenerationStatus next = entry(gens, target);
      source(next, plans, live);
      requestSnapshot(next);
      // read once: the switch and the missing-row check must judge the same outcome
      Optional<Cutover.Snapshot> snapshot =
          next.getSource() != RebuildSource.Snapshot || next.getState() == GenerationState.Switching
              ? Optional.empty()
              : Optional.of(snapshot(next, live, target, topics));
      boolean snapshotRead = snapshot.map(Cutover.Snapshot::read).orElse(false);
      List<Cutover.Rows> rows = new ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        TablePlan p = plans.get(i);
        rows.add(
            new Cutover.Rows(
                p.table(),
                tables.rows(p, live),
                tables.rows(p, target),
                deadLetters.getOrDefault(topics.get(i), 0L),
                snapshotRead ? missing(p, live, target) : 0));
      }
      current.setRows(rows.stream().mapToLong(Cutover.Rows::live).sum());
      next.setRows(rows.stream().mapToLong(Cutover.Rows::building).sum());
      if (next.getState() != GenerationState.Switching) {
        long lag =
            new LagReader(admin, timeout)
                .lag(names.consumerGroup(target), topics).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        Cutover.Decision d = Cutover.decide(settings, lag, rows, snapshot);
        next.setState(d.ready() ? GenerationState.Switching : GenerationState.Building);
        next.setMessage(d.message());
        if (d.snapshotAgain()) {
          LOG.warn(
              "event=checkpoint_snapshot_incomplete pipeline={} version={} signal={}"
                  + " message=\"{}\"",
              names.connector(),
              target,
              next.getSnapshotSignal(),
              d.message());
          next.setSnapshotSignal(null);
          requestSnapshot(next);
        }
        LOG.info(
            "event=checkpoint_building pipeline={} version={} ready={} message=\"{}\"",
            names.connector(),
            target,
            d.ready(),
            d.message());
      }
      if (next.getState() == GenerationState.Switching) {
        workers = List.of(target);
        ConsumerGroups groups = new ConsumerGroups(admin, timeout);
        String old = names.consumerGroup(live);
        if (!groups.hasMembers(old) && groups.caughtUpWith(names.consumerGroup(target), old)) {
          for (TablePlan p : plans) {
            tables.pointView(p, target);
          }
          new KafkaTeardown(admin, timeout).deleteGroup(old);
          current.setState(GenerationState.Retired);
          current.setRetiredAt(now.toString());
          current.setMessage("replaced by generation " + target);
          next.setState(GenerationState.Live);
          next.setLiveAt(now.toString());
          next.setMessage("switched in: " + next.getMessage());
          LOG.info(
              "event=checkpoint_switched pipeline={} from={} to={} rows={}",
              names.connector(),
              live,
              target,
              next.getRows());
          live = target;
        }
      }
    } else {
      current.setRows(null);
    }
    retire(gens, live, plans, settings);
    List<GenerationStatus> history = new ArrayList<>(gens.values());
    return new Outcome(
        live, workers, history.subList(Math.max(0, history.size() - HISTORY), history.size()));
  }

  /**
   * A build that a newer bump replaced: its worker is no longer in the result, and once its
   * consumer group has no member left (the driver stopped the worker) its tables and group go. It
   * never served.
   */
  private void dropAbandoned(
      Map<Integer, GenerationStatus> gens, GenerationPlan plan, List<TablePlan> plans)
      throws Exception {
    for (GenerationStatus g : gens.values()) {
      boolean built =
          g.getState() == GenerationState.Building || g.getState() == GenerationState.Switching;
      int v = g.getVersion();
      if (!built || v == plan.target() || v == plan.live()) {
        continue;
      }
      String group = request.names().consumerGroup(v);
      if (new ConsumerGroups(admin, timeout).hasMembers(group)) {
        g.setMessage(
            "abandoned: replaced by generation "
                + plan.target()
                + "; waiting for its workers to stop");
        continue;
      }
      for (TablePlan p : plans) {
        tables.drop(p.database(), GenerationTables.physical(p.table(), v));
      }
      new KafkaTeardown(admin, timeout).deleteGroup(group);
      g.setState(GenerationState.Retired);
      g.setRetiredAt(now.toString());
      g.setTablesDropped(true);
      g.setMessage(
          "abandoned before it went live: replaced by generation "
              + plan.target()
              + "; its tables and consumer group were removed");
      LOG.info(
          "event=checkpoint_build_abandoned pipeline={} version={} replacedBy={}",
          request.names().connector(),
          v,
          plan.target());
    }
  }

  /** Retired generations' tables: dropped after the retention, or kept by policy. */
  private void retire(
      Map<Integer, GenerationStatus> gens, int live, List<TablePlan> plans, CutoverSettings s) {
    Duration keep = Durations.parse(s.getRetainPreviousFor()).orElse(Duration.ofHours(24));
    for (GenerationStatus g : gens.values()) {
      if (g.getState() != GenerationState.Retired || g.getVersion() >= live) {
        continue;
      }
      String at = g.getRetiredAt() == null ? now.toString() : g.getRetiredAt();
      g.setRetiredAt(at);
      if (s.getPreviousTables() == CutoverSettings.PreviousTables.Retain
          || Boolean.TRUE.equals(g.getTablesDropped())) {
        continue;
      }
      if (!now.isBefore(Instant.parse(at).plus(keep))) {
        for (TablePlan p : plans) {
          tables.drop(p.database(), tables.livePhysical(p, g.getVersion()));
        }
        g.setTablesDropped(true);
        LOG.info(
            "event=checkpoint_tables_dropped pipeline={} version={}",
            request.names().connector(),
            g.getVersion());
      }
    }
  }

  /**
   * A generation built from a snapshot asks Debezium once for an incremental snapshot of every
   * table: the reads land in the topics, so the new consumer group gets every row (the live
   * generation gets them too, and {@code _version} keeps its newer rows). The signal's id is kept
   * in the history so that it is sent once; a failed send is retried at the next reconcile.
   */
  private void requestSnapshot(GenerationStatus g) {
    if (g.getSource() != RebuildSource.Snapshot || g.getSnapshotSignal() != null) {
      return;
    }
    List<TableName> all =
        request.spec().getSource().getTables().stream()
            .map(t -> TableName.parse(t.getName()))
            .toList();
    String id = UUID.randomUUID().toString();
    try {
      signals.send(id, SnapshotSignals.executeSnapshot(id, all));
      g.setSnapshotSignal(id);
      g.setSnapshots(g.getSnapshots() == null ? 1 : g.getSnapshots() + 1);
      LOG.info(
          "event=checkpoint_snapshot_requested pipeline={} version={} signal={} tables={}",
          request.names().connector(),
          g.getVersion(),
          id,
          all);
    } catch (RuntimeException e) {
      LOG.warn(
          "event=checkpoint_snapshot_signal_failed pipeline={} version={} error=\"{}\"",
          request.names().connector(),
          g.getVersion(),
          e.getMessage());
    }
  }

  /**
   * The snapshot a build comes from, as far as Debezium got with it, and whether both generations
   * have read every record written up to its completion (what makes the missing-row check exact:
   * before that, rows of the snapshot may still be on their way to either).
   */
  private Cutover.Snapshot snapshot(GenerationStatus g, int live, int target, List<String> topics)
      throws Exception {
    String signal = g.getSnapshotSignal();
    int asked = g.getSnapshots() == null ? 1 : g.getSnapshots();
    if (signal == null) {
      return new Cutover.Snapshot(null, SnapshotProgress.Outcome.RUNNING, false, asked);
    }
    SnapshotProgress.Report report = snapshots.apply(signal);
    boolean read = false;
    if (report.outcome() == SnapshotProgress.Outcome.COMPLETED && report.completedAt() >= 0) {
      LagReader lag = new LagReader(admin, timeout);
      PipelineNames names = request.names();
      read =
          lag.lagUpTo(names.consumerGroup(live), topics, report.completedAt()) == 0
              && lag.lagUpTo(names.consumerGroup(target), topics, report.completedAt()) == 0;
    }
    return new Cutover.Snapshot(signal, report.outcome(), read, asked);
  }

  /**
   * Rows of the live generation that a finished snapshot build lacks; -1 (logged) when ClickHouse
   * cannot say, which holds the switch back: a build is never switched in on a guess.
   */
  private long missing(TablePlan p, int live, int target) {
    try {
      return tables.missing(p, live, target);
    } catch (RuntimeException e) {
      LOG.warn(
          "event=checkpoint_missing_rows_unknown pipeline={} table={} error=\"{}\"",
          request.names().connector(),
          p.table(),
          e.getMessage());
      return -1;
    }
  }

  /** Where a generation's rows come from, decided once when its build starts. */
  private void source(GenerationStatus g, List<TablePlan> plans, int live) {
    if (g.getSource() != null) {
      return;
    }
    TopicSettings.CleanupPolicy policy = request.spec().getTopics().getCleanupPolicy();
    List<String> dropped = droppedColumns(plans, live);
    if (!dropped.isEmpty()) {
      g.setSource(RebuildSource.Snapshot);
      g.setSourceReason(
          String.join(", ", dropped)
              + " no longer in the source (dropped or renamed since generation "
              + live
              + "): the topics' events from before that carry the old column, so a row that has"
              + " not changed since would lack the new one's value; an incremental snapshot reads"
              + " every row as it is now");
    } else if (policy == TopicSettings.CleanupPolicy.COMPACT) {
      g.setSource(RebuildSource.Topics);
      g.setSourceReason(
          "the topics are compacted (cleanup.policy=compact): they hold the last event of every"
              + " row, the new consumer group reads them from the start");
    } else {
      g.setSource(RebuildSource.Snapshot);
      g.setSourceReason(
          "cleanup.policy="
              + policy.name().toLowerCase(java.util.Locale.ROOT).replace('_', ',')
              + " drops old events, so the topics may not hold every row: an incremental"
              + " snapshot of the source tables refills them");
    }
  }

  /**
   * {@code table.column} of every column the live generation has and the source no longer has; none
   * when ClickHouse cannot say (the build then comes from the topics, as it would without the
   * check, and the worker's {@code droppedColumns} still keeps the old column out).
   */
  private List<String> droppedColumns(List<TablePlan> plans, int live) {
    List<String> out = new ArrayList<>();
    for (TablePlan p : plans) {
      try {
        tables.droppedColumns(p, live).forEach(c -> out.add(p.table() + "." + c));
      } catch (RuntimeException e) {
        LOG.warn(
            "event=dropped_columns_unknown pipeline={} table={} error=\"{}\"",
            request.names().connector(),
            p.table(),
            e.getMessage());
      }
    }
    return out;
  }

  private GenerationStatus entry(Map<Integer, GenerationStatus> gens, int version) {
    return gens.computeIfAbsent(
        version,
        v -> {
          GenerationStatus g = new GenerationStatus();
          g.setVersion(v);
          g.setState(GenerationState.Building);
          g.setStartedAt(now.toString());
          return g;
        });
  }
}
