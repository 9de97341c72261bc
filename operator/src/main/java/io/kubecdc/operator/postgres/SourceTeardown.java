package io.kubecdc.operator.postgres;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import io.kubecdc.operator.cleanup.Leftover;
import io.kubecdc.operator.cleanup.StepResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Drops the pipeline's replication slot and publication. An orphaned slot makes the source keep WAL
 * forever, so this runs on every deletion whatever the deletion policy. A slot stays active for a
 * moment after the connector stopped; after {@code activeGrace} the walsender still holding it is
 * terminated (only that backend, found by the slot's active_pid).
 */
public final class SourceTeardown {
  private final PostgresConnections connections;
  private final Duration activeGrace;

  public SourceTeardown(PostgresConnections connections, Duration activeGrace) {
    this.connections = connections;
    this.activeGrace = activeGrace;
  }

  public StepResult drop(SourceEndpoint endpoint, PipelineNames names) {
    String slot = names.slot();
    String publication = names.publication();
    try (Connection c = connections.open(endpoint)) {
      boolean dropped = dropSlot(c, slot);
      try (Statement s = c.createStatement()) {
        s.execute("DROP PUBLICATION IF EXISTS " + TableName.quote(publication));
      }
      return StepResult.done(
          (dropped ? "dropped slot " + slot : "no slot " + slot)
              + " and publication "
              + publication);
    } catch (SQLException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return StepResult.left(
          new Leftover(
              "replication slot %s and publication %s on %s"
                  .formatted(slot, publication, endpoint.describe()),
              e.getMessage(),
              "run SELECT pg_drop_replication_slot('%s'); DROP PUBLICATION IF EXISTS %s; on the"
                      .formatted(slot, TableName.quote(publication))
                  + " source: until then it keeps WAL and fills the disk"));
    }
  }

  private boolean dropSlot(Connection c, String slot) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + activeGrace.toNanos();
    while (true) {
      Integer pid = activePid(c, slot);
      if (pid == null) {
        return false;
      }
      if (pid == 0) {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
          s.setString(1, slot);
          s.execute();
          return true;
        } catch (SQLException becameActive) {
          // 55006 object_in_use: the connector's task reconnected in between; look again
          if (!"55006".equals(becameActive.getSQLState())) {
            throw becameActive;
          }
        }
      } else if (System.nanoTime() > deadline) {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
          s.setInt(1, pid);
          s.execute();
        }
      }
      Thread.sleep(200);
    }
  }

  /** null: no such slot; 0: inactive; else the pid of the backend streaming from it. */
  private static Integer activePid(Connection c, String slot) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT coalesce(active_pid, 0) FROM pg_replication_slots WHERE slot_name = ?")) {
      s.setString(1, slot);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : null;
      }
    }
  }
}
