package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fetches current column values for many keys at once: {@code SELECT keys, cols FROM t FINAL WHERE
 * (keys) IN (...)}, in chunks of {@value #CHUNK} keys, retried while ClickHouse is down.
 */
final class ClickHouseToastLookup implements ToastResolver.ToastLookup {
  static final int CHUNK = 500;

  private final ClickHouseGateway gateway;
  private final Retrier retrier;

  ClickHouseToastLookup(ClickHouseGateway gateway, Retrier retrier) {
    this.gateway = gateway;
    this.retrier = retrier;
  }

  @Override
  public Map<List<String>, Map<String, Object>> current(
      TableLayout layout, Set<String> columns, Set<List<String>> keys) {
    Map<List<String>, Map<String, Object>> out = new HashMap<>();
    List<List<String>> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += CHUNK) {
      String sql = sql(layout, columns, all.subList(from, Math.min(all.size(), from + CHUNK)));
      for (Map<String, Object> row :
          retrier.call("toast lookup " + layout.qualifiedName(), () -> gateway.select(sql))) {
        List<String> key =
            layout.keyColumns().stream().map(k -> SqlLiterals.literal(row.get(k))).toList();
        out.put(key, row);
      }
    }
    return out;
  }

  static String sql(TableLayout layout, Set<String> columns, List<List<String>> keys) {
    List<String> select = new ArrayList<>(layout.keyColumns());
    columns.stream().filter(c -> !select.contains(c)).forEach(select::add);
    String keyTuple =
        layout.keyColumns().stream()
            .map(SqlLiterals::identifier)
            .collect(Collectors.joining(", ", "(", ")"));
    String values =
        keys.stream().map(k -> String.join(", ", k)).collect(Collectors.joining("), (", "(", ")"));
    return "SELECT "
        + select.stream().map(SqlLiterals::identifier).collect(Collectors.joining(", "))
        + " FROM "
        + layout.qualifiedName()
        + " FINAL WHERE "
        + keyTuple
        + " IN ("
        + values
        + ")";
  }
}
