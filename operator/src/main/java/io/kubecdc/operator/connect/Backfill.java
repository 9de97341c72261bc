package io.kubecdc.operator.connect;

import io.kubecdc.contract.TableName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds tables to a running connector so that their existing rows arrive too: Debezium snapshots a
 * table only when the connector starts for the first time, so a table added later is backfilled by
 * an incremental snapshot that a signal asks for.
 *
 * <p>The order makes the signal reach the connector with the new config exactly once: the connector
 * is stopped first (a running task could read the signal while it does not capture the tables yet,
 * and Debezium would skip them), the signal is sent, the config is updated (its task restarts with
 * the new include list, and Debezium adds the tables to the publication), and only then is the
 * connector resumed, reading the signal from its committed position. If the operator stops between
 * the signal and the update, the next reconcile sees the same tables as new and sends another
 * signal: the second snapshot writes rows that {@code _version} makes invisible, whereas the other
 * order could lose the backfill.
 */
public final class Backfill {
  private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

  /** Where a signal goes: the pipeline's signal topic, keyed by the connector's topic prefix. */
  @FunctionalInterface
  public interface SignalSender {
    void send(String id, String value);
  }

  /** The signal could not be sent; the connector stays stopped until a reconcile sends it. */
  public static final class SignalException extends RuntimeException {
    SignalException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ConnectClient client;
  private final SignalSender sender;
  private final Duration stopTimeout;

  public Backfill(ConnectClient client, SignalSender sender, Duration stopTimeout) {
    this.client = client;
    this.sender = sender;
    this.stopTimeout = stopTimeout;
  }

  /**
   * Applies {@code config}, which captures {@code added} tables more than the current one, and asks
   * for their backfill; returns the added tables that cannot be backfilled (see {@link
   * SnapshotSignals#backfillable(TableName)}): they are captured from now on, without their rows.
   */
  List<TableName> addTables(
      String name, Map<String, String> config, List<TableName> added, boolean paused) {
    List<TableName> impossible =
        added.stream().filter(t -> !SnapshotSignals.backfillable(t)).toList();
    List<TableName> possible = added.stream().filter(SnapshotSignals::backfillable).toList();
    if (!impossible.isEmpty()) {
      LOG.warn("event=backfill_impossible connector={} tables={}", name, impossible);
    }
    if (possible.isEmpty()) {
      client.putConfig(name, config);
      return impossible;
    }
    signal(name, config, possible, paused);
    return impossible;
  }

  private void signal(
      String name, Map<String, String> config, List<TableName> added, boolean paused) {
    client.stop(name);
    client.awaitStatus(name, Backfill::stopped, System.nanoTime() + stopTimeout.toNanos(), "stop");
    String id = UUID.randomUUID().toString();
    try {
      sender.send(id, SnapshotSignals.executeSnapshot(id, added));
    } catch (RuntimeException e) {
      throw new SignalException(
          "connector %s is stopped: the backfill signal for %s could not be sent (%s); the next"
                  .formatted(name, added, e.getMessage())
              + " reconcile sends it and resumes the connector",
          e);
    }
    client.putConfig(name, config);
    if (paused) {
      client.pause(name);
    } else {
      client.resume(name);
    }
    LOG.info("event=backfill_requested connector={} signal={} tables={}", name, id, added);
  }

  /** Whether a status shows the connector gone or stopped. */
  static boolean stopped(Optional<ConnectorState> s) {
    return s.map(x -> "STOPPED".equals(x.state())).orElse(true);
  }
}
