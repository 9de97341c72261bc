package io.kubecdc.sink.pipeline;

import com.clickhouse.client.api.data_formats.internal.BinaryStreamReader;
import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fetches current column values for many keys at once: {@code SELECT keys, cols FROM t FINAL WHERE
 * (keys) IN (...)}, in chunks of {@value #CHUNK} keys, retried while ClickHouse is down. Values
 * come back in the forms the encoder takes: String columns as their exact bytes (read as hex, so
 * that bytea survives), arrays as lists.
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
        Map<String, Object> values = new HashMap<>();
        row.forEach((column, value) -> values.put(column, adapt(layout, column, value)));
        out.put(key, values);
      }
    }
    return out;
  }

  static String sql(TableLayout layout, Set<String> columns, List<List<String>> keys) {
    List<String> select = new ArrayList<>(layout.keyColumns());
    columns.stream().filter(c -> !select.contains(c)).forEach(select::add);
    List<String> expressions =
        select.stream()
            .map(
                c ->
                    !layout.keyColumns().contains(c) && isString(layout, c)
                        ? "hex(" + SqlLiterals.identifier(c) + ") AS " + SqlLiterals.identifier(c)
                        : SqlLiterals.identifier(c))
            .toList();
    String keyTuple =
        layout.keyColumns().stream()
            .map(SqlLiterals::identifier)
            .collect(Collectors.joining(", ", "(", ")"));
    String values =
        keys.stream().map(k -> String.join(", ", k)).collect(Collectors.joining("), (", "(", ")"));
    return "SELECT "
        + String.join(", ", expressions)
        + " FROM "
        + layout.qualifiedName()
        + " FINAL WHERE "
        + keyTuple
        + " IN ("
        + values
        + ")";
  }

  private static Object adapt(TableLayout layout, String column, Object value) {
    if (value == null) {
      return null;
    }
    if (!layout.keyColumns().contains(column) && isString(layout, column)) {
      return HexFormat.of().parseHex(value.toString());
    }
    if (value instanceof BinaryStreamReader.ArrayValue array) {
      return array.asList();
    }
    if (value instanceof Object[] array) {
      return Arrays.asList(array);
    }
    return value;
  }

  /** String, Nullable(String), LowCardinality(Nullable(String)): not arrays of them. */
  private static boolean isString(TableLayout layout, String column) {
    int i = layout.indexOf(column);
    if (i < 0) {
      return false;
    }
    String type = layout.columns().get(i).type().replace(" ", "");
    while (type.startsWith("Nullable(") || type.startsWith("LowCardinality(")) {
      type = type.substring(type.indexOf('(') + 1, type.length() - 1);
    }
    return type.equals("String");
  }
}
