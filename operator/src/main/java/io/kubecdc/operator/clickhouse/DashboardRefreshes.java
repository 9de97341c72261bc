package io.kubecdc.operator.clickhouse;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ClickHouse says of the dashboard tables' refreshes ({@code system.view_refreshes}, on the
 * server the operator talks to): the refreshes run in ClickHouse on their own schedule, so their
 * outcome is read back on every reconcile rather than known from the statements the operator ran.
 */
public final class DashboardRefreshes {
  /** The last refresh of one dashboard table; {@code lastSuccess} null before the first. */
  public record Refresh(String name, String status, Instant lastSuccess, String error) {
    public boolean failed() {
      return error != null;
    }
  }

  private DashboardRefreshes() {}

  /** The last refresh of each of {@code wanted}, by table. */
  static Map<String, Refresh> read(
      ClickHouseGateway clickhouse, String database, List<DashboardTables.Wanted> wanted) {
    if (wanted.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, Object>> byView = new HashMap<>();
    for (var row :
        clickhouse.select(
            "SELECT view, status, toUnixTimestamp(last_success_time) AS success, exception"
                + " FROM system.view_refreshes WHERE database = "
                + SqlLiterals.quote(database))) {
      byView.put(String.valueOf(row.get("view")), row);
    }
    Map<String, Refresh> out = new LinkedHashMap<>();
    for (DashboardTables.Wanted w : wanted) {
      String name = database + "." + DashboardDdl.target(w.plan().table());
      out.put(w.plan().table(), refresh(name, byView.get(DashboardTables.refreshViewOf(w))));
    }
    return out;
  }

  /**
   * One row of {@code system.view_refreshes} as the status shows it: a refresh whose last run
   * raised an error is {@code Failed} with ClickHouse's message, whatever state it is in now (it is
   * retried or waits for its next time); no row yet is {@code Unknown}.
   */
  static Refresh refresh(String name, Map<String, Object> row) {
    if (row == null) {
      return new Refresh(name, "Unknown", null, null);
    }
    String error = row.get("exception") == null ? "" : String.valueOf(row.get("exception"));
    Object success = row.get("success");
    long at = success == null ? 0 : Long.parseLong(String.valueOf(success));
    return new Refresh(
        name,
        error.isEmpty() ? String.valueOf(row.get("status")) : "Failed",
        at > 0 ? Instant.ofEpochSecond(at) : null,
        error.isEmpty() ? null : firstLine(error));
  }

  /** ClickHouse's message without its stack trace, short enough for a condition. */
  public static String firstLine(String message) {
    String m = message == null ? "" : message;
    int cut = m.indexOf(", Stack trace");
    m = (cut >= 0 ? m.substring(0, cut) : m).lines().findFirst().orElse("").strip();
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
