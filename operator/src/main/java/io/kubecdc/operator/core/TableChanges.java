package io.kubecdc.operator.core;

import io.kubecdc.api.crd.v1alpha1.DeletionPolicy;
import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.contract.TopicNames;
import io.kubecdc.operator.cleanup.StepResult;
import io.kubecdc.operator.connect.Backfill;
import io.kubecdc.operator.connect.ConnectClient;
import io.kubecdc.operator.kafka.KafkaTeardown;
import io.kubecdc.operator.kafka.SignalTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tables added to or removed from the spec of a running pipeline. An added table is backfilled by
 * an incremental snapshot ({@link Backfill}) and reported as snapshotting until Debezium says its
 * scan completed; a removed one leaves capture (the connector's include list and, at its restart,
 * the publication) and the worker config, and its topic and ClickHouse table go the way {@code
 * deletionPolicy} says, as at the pipeline's deletion: Retain keeps them.
 */
final class TableChanges {
  private static final Logger LOG = LoggerFactory.getLogger(TableChanges.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final PipelineRequest request;
  private final SignalTopics signals;
  private final Duration timeout;

  TableChanges(PipelineRequest request, Duration timeout) {
    this.request = request;
    this.timeout = timeout;
    var kafka = request.environment().getKafka();
    this.signals =
        new SignalTopics(kafka.getBootstrapServers(), kafka.getClientProperties(), timeout);
  }

  Backfill backfill(ConnectClient connect) {
    return new Backfill(connect, sender(), STOP_TIMEOUT);
  }

  /**
   * Sends a signal to the connector's signal topic (keyed by the topic prefix, as Debezium reads).
   */
  Backfill.SignalSender sender() {
    PipelineNames names = request.names();
    return (id, value) -> signals.send(names.signalTopic(), names.topicPrefix(), value);
  }

  /**
   * Drops the topics and ClickHouse tables of tables the connector no longer captures, when the
   * deletion policy says Delete. A removed table's ClickHouse target is not in the spec anymore:
   * the default name (the source table's) is dropped, unless another table of the spec writes to
   * it.
   */
  void retire(List<TableName> removed, Admin admin, Function<List<String>, StepResult> dropTables) {
    if (removed.isEmpty()) {
      return;
    }
    DeletionPolicy policy = request.spec().getDeletionPolicy();
    List<StepResult> steps = new ArrayList<>();
    if (policy.getTopics() == DeletionPolicy.Action.DELETE) {
      String prefix = request.names().topicPrefix();
      steps.add(
          new KafkaTeardown(admin, timeout)
              .deleteTopics(
                  removed.stream()
                      .map(t -> TopicNames.dataChange(prefix, t.schema(), t.table()))
                      .toList()));
    }
    if (policy.getTables() == DeletionPolicy.Action.DELETE) {
      Set<String> targets =
          Set.copyOf(
              request.spec().getSource().getTables().stream().map(TablePlans::targetName).toList());
      steps.add(
          dropTables.apply(
              removed.stream().map(TableName::table).filter(t -> !targets.contains(t)).toList()));
    }
    steps.forEach(
        s ->
            s.leftover()
                .ifPresentOrElse(
                    l ->
                        LOG.warn(
                            "event=removed_table_leftover pipeline={} what=\"{}\" fix=\"{}\"",
                            request.names().connector(),
                            l.what(),
                            l.howToRemove()),
                    () ->
                        LOG.info(
                            "event=removed_table_retired pipeline={} done=\"{}\"",
                            request.names().connector(),
                            s.done())));
  }

  /**
   * What Debezium reported of the snapshot the signal {@code id} asked for; {@code RUNNING} when
   * the notification topic cannot be read (logged), so that a build never switches on a guess.
   */
  SnapshotProgress.Report snapshotOutcome(String id) {
    PipelineNames names = request.names();
    try {
      return SnapshotProgress.report(id, signals.stamped(names.notificationTopic()));
    } catch (RuntimeException e) {
      LOG.warn(
          "event=snapshot_outcome_unknown pipeline={} signal={} error=\"{}\"",
          names.connector(),
          id,
          e.getMessage());
      return new SnapshotProgress.Report(SnapshotProgress.Outcome.RUNNING, -1);
    }
  }

  /** The tables being backfilled now; none when Kafka cannot say (logged). */
  Set<TableName> snapshotting(Admin admin) {
    PipelineNames names = request.names();
    try {
      // most pipelines never had a table added: then one admin call is all it costs
      if (signals.neverWritten(admin, names.signalTopic())) {
        return Set.of();
      }
      return SnapshotProgress.snapshotting(
          signals.values(names.signalTopic()), signals.values(names.notificationTopic()));
    } catch (RuntimeException e) {
      LOG.warn(
          "event=snapshot_progress_unknown pipeline={} error=\"{}\"",
          names.connector(),
          e.getMessage());
      return Set.of();
    }
  }
}
