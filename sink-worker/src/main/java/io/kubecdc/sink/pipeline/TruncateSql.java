package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.table.TableLayout;
import java.util.stream.Collectors;

/**
 * The statement that applies a source TRUNCATE under policy {@code delete}: every live row gets a
 * delete marker at the truncate's version. Replay-safe: a row written after the truncate has a
 * higher {@code _version} and outranks the marker, and only rows older than the truncate are
 * marked, so replaying it changes nothing.
 */
public final class TruncateSql {
  private TruncateSql() {}

  public static String markAllDeleted(TableLayout layout, long version) {
    String keys =
        layout.keyColumns().stream().map(SqlLiterals::identifier).collect(Collectors.joining(", "));
    String versionColumn = SqlLiterals.identifier(TableLayout.VERSION);
    String deletedColumn = SqlLiterals.identifier(TableLayout.DELETED);
    return "INSERT INTO "
        + layout.qualifiedName()
        + " ("
        + keys
        + ", "
        + versionColumn
        + ", "
        + deletedColumn
        + ") SELECT "
        + keys
        + ", toUInt64("
        + Long.toUnsignedString(version)
        + "), 1 FROM "
        + layout.qualifiedName()
        + " FINAL WHERE "
        + deletedColumn
        + " = 0 AND "
        + versionColumn
        + " < "
        + Long.toUnsignedString(version);
  }
}
