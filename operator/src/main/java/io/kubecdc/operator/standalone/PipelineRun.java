package io.kubecdc.operator.standalone;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.kubecdc.api.revision.PipelineRevision;
import io.kubecdc.operator.core.CoreResult;
import io.kubecdc.operator.core.PipelineCore;
import io.kubecdc.operator.core.PipelineRequest;
import io.kubecdc.operator.k8s.StatusMapper;
import io.kubecdc.operator.metrics.OperatorMetrics;
import io.kubecdc.operator.status.ConditionRecord;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Observation;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import io.kubecdc.operator.status.StatusAggregator;
import io.kubecdc.operator.status.StatusSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pipeline of a standalone run, one check at a time: the core reconciles, the worker is made to
 * match the rendered config, its {@code /readyz} becomes the SINK part, the status is aggregated
 * with the previous conditions (so transition times hold) and the table figures are read. An
 * unexpected failure of the core is shown as the reason of an unknown state and retried at the next
 * check, as JOSDK retries in a cluster. An edited manifest replaces the request between checks
 * ({@link #update}), with the next generation when the spec changed, as the API server counts.
 */
final class PipelineRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

  private PipelineRequest request;
  private final PipelineCore core;
  private final GenerationWorkers workers;
  private final RowCounts counts;
  private final Clock clock;
  private final OperatorMetrics metrics;

  /** Where the last status is written for {@code kubecdc status --state-dir}; null: nowhere. */
  private final StateDir state;

  private final GenerationHistory history;
  private List<ConditionRecord> conditions = List.of();

  /** Why the last edit of the files was not applied; null once they apply. */
  private String notApplied;

  /** One worker only (the tests' runs, which never bump the checkpoint), history in memory. */
  PipelineRun(
      PipelineRequest request,
      PipelineCore core,
      WorkerSupervisor worker,
      RowCounts counts,
      Clock clock) {
    this(
        request,
        core,
        new GenerationWorkers(v -> worker, worker.port()),
        counts,
        clock,
        new OperatorMetrics(),
        null,
        GenerationHistory.inMemory());
  }

  PipelineRun(
      PipelineRequest request,
      PipelineCore core,
      GenerationWorkers workers,
      RowCounts counts,
      Clock clock,
      OperatorMetrics metrics,
      StateDir state,
      GenerationHistory history) {
    this.metrics = metrics;
    this.state = state;
    this.request = request;
    this.core = core;
    this.workers = workers;
    this.counts = counts;
    this.clock = clock;
    this.history = history;
  }

  String id() {
    return request.namespace() + "/" + request.name();
  }

  /**
   * Runs {@code next} from the next check on (the files were edited and are valid); returns whether
   * its spec differs from the running one, which then counts as the next generation. The ClickHouse
   * password file is written again, since the Secrets were read again with the files.
   */
  boolean update(PipelineRequest next) {
    boolean changed = !PipelineRevision.of(next.spec()).equals(PipelineRevision.of(request.spec()));
    long generation = changed ? request.generation() + 1 : request.generation();
    request =
        new PipelineRequest(
            next.namespace(),
            next.name(),
            generation,
            next.spec(),
            next.environment(),
            next.secrets(),
            List.of());
    notApplied = null;
    if (state != null) {
      StateDir.writePrivate(
          state.passwordFile(request.names()), request.secrets().clickhouse().password());
    }
    return changed;
  }

  /** Records why the edited files were not applied, for the status file, until they are. */
  void notApplied(String why) {
    notApplied = why;
  }

  long generation() {
    return request.generation();
  }

  /** The highest checkpoint version that ran: the running spec's or one in the history. */
  int highestVersion() {
    return Math.max(request.spec().getCheckpoint().getVersion(), history.highestVersion());
  }

  PipelineView check() {
    boolean paused = request.spec().isPaused();
    CoreResult result = null;
    Observation obs;
    try {
      result = core.reconcile(request.withPrevious(conditions, history.load()));
      history.save(result.generations());
      workers.apply(result.workers(), paused);
      obs = result.observation();
      if (!result.workers().isEmpty() || paused) {
        obs = obs.with(workers.state(paused));
      }
    } catch (RuntimeException e) {
      LOG.warn("event=reconcile_failed pipeline={} error=\"{}\"", id(), e.toString());
      obs =
          Observation.of(
              List.of(new PartState(Part.SOURCE, Health.UNKNOWN, "ReconcileError", e.toString())));
    }
    StatusSummary summary =
        StatusAggregator.aggregate(
            obs.paused(paused), conditions, request.generation(), clock.instant());
    conditions = summary.conditions();
    int declared = request.spec().getSource().getTables().size();
    CdcPipelineStatus status =
        StatusMapper.toStatus(summary, Optional.ofNullable(result), declared, request.generation());
    if (result == null) {
      // a failed check knows no generations: the status file keeps the history meanwhile
      status.setGenerations(history.load());
    }
    metrics.record(request.namespace(), request.name(), status);
    PipelineView view = new PipelineView(id(), summary, tables(result));
    if (state != null) {
      StatusFile.write(state, request, status, notApplied, clock.instant());
    }
    return view;
  }

  private List<PipelineView.TableView> tables(CoreResult result) {
    List<RowCounts.Counts> rows = counts.count(request);
    List<PipelineView.TableView> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String name = request.spec().getSource().getTables().get(i).getName();
      TableStatus status =
          result != null && i < result.tables().size() ? result.tables().get(i) : null;
      out.add(
          new PipelineView.TableView(
              name,
              rows.get(i).source(),
              rows.get(i).clickhouse(),
              status == null ? null : status.getLag(),
              // the core's freshness, as on a cluster: 0 when caught up (the worker's own figure
              // grows on a quiet table)
              status == null || status.getFreshnessSeconds() == null
                  ? null
                  : status.getFreshnessSeconds().doubleValue(),
              status == null ? null : status.getDeadLetters()));
    }
    return out;
  }

  /** The worker's own /metrics, on its port. */
  int workerPort() {
    return workers.port();
  }

  /** The checkpoint generations of the last check. */
  List<io.kubecdc.api.crd.v1alpha1.GenerationStatus> generations() {
    return history.load();
  }

  @Override
  public void close() {
    workers.close();
  }
}
