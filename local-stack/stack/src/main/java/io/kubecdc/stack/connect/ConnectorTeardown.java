package io.kubecdc.stack.connect;

import io.kubecdc.stack.StackEndpoints;
import io.kubecdc.stack.StackException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Removes everything a Debezium PostgreSQL connector leaves behind on the local stack: the
 * connector with its offsets, then its replication slot and publication. A slot stays active for a
 * moment after its task stopped, so dropping it is retried for up to 30 s.
 */
public final class ConnectorTeardown {
  private ConnectorTeardown() {}

  /** Drops connector {@code name} and the slot and publication named {@code slot}. */
  public static void remove(StackEndpoints ep, String name, String slot) {
    new ConnectRest(ep.connectUrl()).deleteWithOffsets(name);
    long deadline = System.nanoTime() + 30_000_000_000L;
    try (Connection pg =
            DriverManager.getConnection(
                ep.postgresJdbcUrl(), ep.postgresUser(), ep.postgresPassword());
        Statement s = pg.createStatement()) {
      while (true) {
        try {
          s.execute(
              "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                  + " WHERE slot_name = '"
                  + slot.replace("'", "''")
                  + "'");
          break;
        } catch (SQLException stillActive) {
          if (System.nanoTime() > deadline) {
            throw stillActive;
          }
          Thread.sleep(200);
        }
      }
      s.execute("DROP PUBLICATION IF EXISTS \"" + slot.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      throw new StackException("cannot drop slot " + slot + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while dropping slot " + slot, e);
    }
  }
}
