package io.kubecdc.operator.connect;

import io.kubecdc.contract.TableName;
import io.kubecdc.operator.cleanup.Leftover;
import io.kubecdc.operator.cleanup.StepResult;
import io.kubecdc.operator.status.Health;
import io.kubecdc.operator.status.Part;
import io.kubecdc.operator.status.PartState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The connector part: makes the Debezium connector exist with the rendered config, in the desired
 * run state (running or paused), and reads back what Connect reports. Failed tasks are restarted
 * with capped backoff; the condition shows the root cause from the task's trace meanwhile, so a
 * failing connector is never shown as healthy.
 */
public final class ConnectorPart {
  /**
   * The outcome: the part's state, what Connect reported if it answered, and the tables the config
   * added to or removed from the connector's capture in this reconcile.
   */
  public record Result(
      PartState state, Optional<ConnectorState> observed, int restarts, CaptureChanges changes) {}

  private final ConnectClient client;
  private final RestartBackoff backoff;

  public ConnectorPart(ConnectClient client, RestartBackoff backoff) {
    this.client = client;
    this.backoff = backoff;
  }

  public Result ensure(String name, Map<String, String> config, boolean paused) {
    return ensure(name, config, paused, Optional.empty());
  }

  /**
   * Like {@link #ensure(String, Map, boolean)}; tables that {@code config} captures beyond the
   * connector's current config are added through {@code backfill}, so that their existing rows are
   * snapshotted.
   */
  public Result ensure(
      String name, Map<String, String> config, boolean paused, Optional<Backfill> backfill) {
    try {
      Optional<Map<String, String>> current = client.config(name).map(HashMap::new);
      current.ifPresent(c -> c.remove("name"));
      CaptureChanges changes = CaptureChanges.between(current, config);
      boolean changed = !current.equals(Optional.of(config));
      List<TableName> notBackfilled = List.of();
      if (changed && backfill.isPresent() && !changes.added().isEmpty()) {
        notBackfilled = backfill.get().addTables(name, config, changes.added(), paused);
      } else if (changed) {
        client.putConfig(name, config);
      }
      Optional<ConnectorState> observed = client.status(name);
      PartState state =
          observed.map(s -> judge(s, paused)).orElseGet(() -> starting(name, changed));
      if (!notBackfilled.isEmpty() && state.health() != Health.FAILED) {
        state = notBackfilled(name, notBackfilled);
      }
      return new Result(state, observed, backoff.restarts(name), changes);
    } catch (ConnectException e) {
      if (e.unavailable()) {
        return new Result(
            PartState.failed(Part.CONNECTOR, "ConnectUnreachable", e.getMessage()),
            Optional.empty(),
            backoff.restarts(name),
            CaptureChanges.NONE);
      }
      return new Result(
          PartState.failed(Part.CONNECTOR, "ConnectorConfigRejected", e.getMessage()),
          Optional.empty(),
          backoff.restarts(name),
          CaptureChanges.NONE);
    } catch (Backfill.SignalException e) {
      return new Result(
          PartState.failed(Part.CONNECTOR, "BackfillSignalFailed", e.getMessage()),
          Optional.empty(),
          backoff.restarts(name),
          CaptureChanges.NONE);
    }
  }

  /**
   * Removes the connector and its offsets, so that a pipeline of the same name later starts with a
   * fresh snapshot instead of resuming from a slot that no longer exists.
   */
  public StepResult remove(String name, Duration stopTimeout) {
    try {
      if (client.status(name).isEmpty()) {
        return StepResult.done("no connector " + name);
      }
      client.stop(name);
      long deadline = System.nanoTime() + stopTimeout.toNanos();
      client.awaitStatus(name, Backfill::stopped, deadline, "stop");
      client.resetOffsets(name);
      client.delete(name);
      // DELETE returns once the config topic has the tombstone; the status topic lags behind, and
      // a connector re-created before it is gone would inherit a stale STOPPED state.
      client.awaitStatus(name, Optional::isEmpty, deadline, "disappear");
      backoff.running(name);
      return StepResult.done("deleted connector " + name + " and its offsets");
    } catch (ConnectException e) {
      return StepResult.left(
          new Leftover(
              "connector " + name + " in Kafka Connect",
              e.getMessage(),
              "DELETE /connectors/" + name + " on the Connect REST API once it answers"));
    }
  }

  private PartState judge(ConnectorState s, boolean paused) {
    String name = s.name();
    if (!s.failedTasks().isEmpty() || "FAILED".equals(s.state())) {
      return failed(s);
    }
    if (paused) {
      if ("PAUSED".equals(s.state())) {
        return PartState.ready(
            Part.CONNECTOR, "ConnectorPaused", "connector " + name + " is paused");
      }
      client.pause(name);
      return PartState.progressing(Part.CONNECTOR, "ConnectorPausing", "pausing connector " + name);
    }
    if ("PAUSED".equals(s.state()) || "STOPPED".equals(s.state())) {
      client.resume(name);
      return PartState.progressing(
          Part.CONNECTOR, "ConnectorResuming", "resuming connector " + name);
    }
    if (s.running()) {
      backoff.running(name);
      return PartState.ready(
          Part.CONNECTOR,
          "ConnectorRunning",
          "connector %s RUNNING, %d/%d task(s) running"
              .formatted(name, s.tasks().size(), s.tasks().size()));
    }
    return PartState.progressing(
        Part.CONNECTOR,
        "ConnectorStarting",
        "connector %s is %s; tasks: %s".formatted(name, s.state(), tasks(s)));
  }

  private PartState failed(ConnectorState s) {
    String cause =
        s.failedTasks().isEmpty()
            ? ConnectorState.reason(s.trace())
            : s.failedTasks().get(0).reason();
    String what =
        s.failedTasks().isEmpty()
            ? "connector " + s.name() + " failed"
            : "task " + s.failedTasks().get(0).id() + " of connector " + s.name() + " failed";
    if (backoff.tryRestart(s.name())) {
      client.restartFailed(s.name());
    }
    Instant next = backoff.nextRestart(s.name());
    return PartState.failed(
        Part.CONNECTOR,
        "ConnectorTaskFailed",
        "%s: %s (restarted %d time(s), next restart not before %s)"
            .formatted(what, cause, backoff.restarts(s.name()), next));
  }

  private static PartState notBackfilled(String name, List<TableName> tables) {
    return new PartState(
        Part.CONNECTOR,
        Health.DEGRADED,
        "BackfillNotPossible",
        ("connector %s captures %s from now on, without the rows they had: Debezium 3.7 cannot"
                + " keep an incremental snapshot of a table whose name holds a space or a dot (its"
                + " task would fail at its next start). To copy the existing rows, capture the"
                + " table in a pipeline of its own, whose initial snapshot takes it.")
            .formatted(name, tables));
  }

  private static PartState starting(String name, boolean changed) {
    return PartState.progressing(
        Part.CONNECTOR,
        "ConnectorStarting",
        changed ? "connector " + name + " submitted" : "waiting for connector " + name);
  }

  private static String tasks(ConnectorState s) {
    return s.tasks().isEmpty()
        ? "none yet"
        : s.tasks().stream().map(t -> t.id() + "=" + t.state()).collect(Collectors.joining(", "));
  }
}
