package io.kubecdc.operator.postgres;

import io.kubecdc.contract.PipelineNames;
import io.kubecdc.contract.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@link SourceFacts} from the catalog, with read-only queries that any user may run. */
public final class SourceFactsReader {
  private static final String SERVER =
      """
      SELECT current_user, current_database(), current_setting('server_version_num')::int,
             current_setting('wal_level'), r.rolsuper, r.rolreplication,
             current_setting('max_replication_slots')::int,
             (SELECT count(*) FROM pg_replication_slots)::int
      FROM pg_roles r WHERE r.rolname = current_user
      """;
  private static final String SLOT =
      """
      SELECT active, wal_status, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint, plugin
      FROM pg_replication_slots WHERE slot_name = ?
      """;
  private static final String INACTIVE_SLOTS =
      "SELECT slot_name FROM pg_replication_slots WHERE NOT active ORDER BY 1 LIMIT 10";
  private static final String PUBLICATION = "SELECT 1 FROM pg_publication WHERE pubname = ?";
  private static final String TABLE =
      """
      SELECT c.relkind = 'p', c.relreplident,
             EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary),
             has_table_privilege(c.oid, 'SELECT'), pg_has_role(c.relowner, 'USAGE')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')
      """;

  private SourceFactsReader() {}

  public static SourceFacts read(Connection c, PipelineNames names, List<TableName> tables)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SERVER);
        ResultSet r = s.executeQuery()) {
      r.next();
      return new SourceFacts(
          r.getString(1),
          r.getString(2),
          r.getInt(3),
          r.getString(4),
          r.getBoolean(5),
          r.getBoolean(6),
          r.getInt(7),
          r.getInt(8),
          strings(c, INACTIVE_SLOTS),
          slot(c, names.slot()),
          exists(c, PUBLICATION, names.publication()),
          tables(c, tables));
    }
  }

  private static Optional<SlotFacts> slot(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(SLOT)) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SlotFacts(name, r.getBoolean(1), r.getString(2), r.getLong(3), r.getString(4)));
      }
    }
  }

  private static List<TableFacts> tables(Connection c, List<TableName> names) throws SQLException {
    List<TableFacts> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(TABLE)) {
      for (TableName name : names) {
        s.setString(1, name.schema());
        s.setString(2, name.table());
        try (ResultSet r = s.executeQuery()) {
          out.add(
              r.next()
                  ? new TableFacts(
                      name,
                      true,
                      r.getBoolean(1),
                      r.getBoolean(3),
                      r.getString(2).charAt(0),
                      r.getBoolean(4),
                      r.getBoolean(5))
                  : TableFacts.missing(name));
        }
      }
    }
    return out;
  }

  private static boolean exists(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, arg);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
