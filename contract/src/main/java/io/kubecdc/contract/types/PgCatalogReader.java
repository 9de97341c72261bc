package io.kubecdc.contract.types;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the columns of a table from {@code pg_attribute} and {@code pg_type}, domains resolved to
 * their base type and arrays to their element type. Plain {@code java.sql}: the caller brings the
 * driver (the operator and the tests have pgjdbc), so the contract stays free of dependencies.
 */
public final class PgCatalogReader {
  private static final String COLUMNS =
      """
      WITH RECURSIVE cols AS (
        SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS declared,
               a.atttypid AS typid, a.atttypmod AS typmod, a.attndims, a.attnotnull,
               a.attgenerated <> '' AS generated, 0 AS depth
        FROM pg_attribute a
        WHERE a.attrelid = to_regclass(quote_ident(?) || '.' || quote_ident(?))
          AND a.attnum > 0 AND NOT a.attisdropped
        UNION ALL
        SELECT c.attnum, c.attname, c.declared,
               CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.typelem END,
               CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE c.typmod END,
               CASE WHEN t.typtype = 'd' THEN c.attndims ELSE greatest(c.attndims, 1) END,
               c.attnotnull OR (t.typtype = 'd' AND t.typnotnull), c.generated, c.depth + 1
        FROM cols c JOIN pg_type t ON t.oid = c.typid
        WHERE (t.typtype = 'd' OR (t.typcategory = 'A' AND t.typelem <> 0)) AND c.depth < 8
      )
      SELECT DISTINCT ON (c.attnum) c.attname, c.declared, t.typname, c.typmod, c.attndims,
             t.typtype, c.attnotnull, c.generated
      FROM cols c JOIN pg_type t ON t.oid = c.typid
      ORDER BY c.attnum, c.depth DESC
      """;

  private static final String PRIMARY_KEY =
      """
      SELECT a.attname FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = to_regclass(quote_ident(?) || '.' || quote_ident(?)) AND i.indisprimary
      ORDER BY array_position(i.indkey, a.attnum)
      """;

  private static final String REPLICA_IDENTITY =
      """
      SELECT relreplident::text FROM pg_class
      WHERE oid = to_regclass(quote_ident(?) || '.' || quote_ident(?))
      """;

  private PgCatalogReader() {}

  /** The columns in table order; empty when the table does not exist. */
  public static List<SourceColumn> columns(Connection pg, String schema, String table)
      throws SQLException {
    return query(
        pg,
        COLUMNS,
        schema,
        table,
        rs ->
            new SourceColumn(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                SourceColumn.Kind.ofTyptype(rs.getString(6)),
                !rs.getBoolean(7),
                rs.getBoolean(8)));
  }

  /** The primary key columns in key order; empty when there is none. */
  public static List<String> primaryKey(Connection pg, String schema, String table)
      throws SQLException {
    return query(pg, PRIMARY_KEY, schema, table, rs -> rs.getString(1));
  }

  /**
   * pg_class.relreplident of the table: {@code d} default (the primary key), {@code f} full, {@code
   * i} an index, {@code n} nothing; {@code d} when the table is not found.
   */
  public static char replicaIdentity(Connection pg, String schema, String table)
      throws SQLException {
    List<String> found = query(pg, REPLICA_IDENTITY, schema, table, rs -> rs.getString(1));
    return found.isEmpty() ? 'd' : found.get(0).charAt(0);
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> List<T> query(
      Connection pg, String sql, String schema, String table, Row<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (PreparedStatement s = pg.prepareStatement(sql)) {
      s.setString(1, schema);
      s.setString(2, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    }
    return out;
  }
}
