package io.kubecdc.sink.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every PostgreSQL type a real schema uses, the ClickHouse type the sink maps it to, and how each
 * side renders a value so that both renderings can be compared exactly.
 */
final class AllTypesColumns {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One column: types on both sides, the SQL that renders it as text on each side. */
  record Column(
      String name,
      String pgType,
      String chType,
      String pgText,
      String chText,
      UnaryOperator<String> normalize) {}

  static final List<Column> COLUMNS = new ArrayList<>();

  static {
    add("id", "bigint PRIMARY KEY", "Int64", "id::text", "toString(id)", exact());
    add("small", "smallint", "Nullable(Int16)", "small::text", "toString(small)", exact());
    add("medium", "integer", "Nullable(Int32)", "medium::text", "toString(medium)", exact());
    add(
        "price",
        "numeric(20,5)",
        "Nullable(Decimal(20, 5))",
        "price::text",
        "toString(price)",
        decimal());
    // numeric without a declared scale is kept as its exact text
    add("loose", "numeric", "Nullable(String)", "loose::text", "loose", exact());
    add("ratio", "real", "Nullable(Float32)", "ratio::text", "toString(ratio)", floating());
    add(
        "score",
        "double precision",
        "Nullable(Float64)",
        "score::text",
        "toString(score)",
        floating());
    add("active", "boolean", "Nullable(Bool)", "active::text", "toString(active)", exact());
    add("title", "text", "Nullable(String)", "title", "title", exact());
    add("code", "varchar(20)", "Nullable(String)", "code", "code", exact());
    // char(n) keeps its padding, as PostgreSQL clients read it (a ::text cast would trim it)
    add("flag", "char(3)", "Nullable(String)", "flag", "flag", exact());
    add("uid", "uuid", "Nullable(UUID)", "uid::text", "toString(uid)", exact());
    add("born", "date", "Nullable(Date32)", "born::text", "toString(born)", exact());
    add("at_time", "time", "Nullable(Time64(6))", "at_time::text", "toString(at_time)", time());
    add(
        "local_ts",
        "timestamp",
        "Nullable(DateTime64(6, 'UTC'))",
        "to_char(local_ts, 'YYYY-MM-DD HH24:MI:SS.US')",
        "toString(local_ts)",
        exact());
    add(
        "zoned_ts",
        "timestamptz",
        "Nullable(DateTime64(6, 'UTC'))",
        "to_char(zoned_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')",
        "toString(zoned_ts)",
        exact());
    add("doc", "jsonb", "Nullable(String)", "doc::text", "doc", exact());
    add("raw_json", "json", "Nullable(String)", "raw_json::text", "raw_json", exact());
    add("blob", "bytea", "Nullable(String)", "encode(blob, 'hex')", "lower(hex(blob))", exact());
    // ClickHouse arrays cannot be NULL: a NULL array is written as [] (documented mapping)
    add(
        "tags",
        "text[]",
        "Array(Nullable(String))",
        "coalesce(array_to_json(tags)::text, '[]')",
        "toJSONString(tags)",
        json());
    add(
        "nums",
        "integer[]",
        "Array(Nullable(Int32))",
        "coalesce(array_to_json(nums)::text, '[]')",
        "toJSONString(nums)",
        json());
    add(
        "mood",
        "%s.mood",
        "LowCardinality(Nullable(String))",
        "mood::text",
        "toString(mood)",
        exact());
  }

  private AllTypesColumns() {}

  private static void add(
      String name, String pg, String ch, String pgText, String chText, UnaryOperator<String> n) {
    COLUMNS.add(new Column(name, pg, ch, pgText, chText, n));
  }

  static String pgDdl(String schema) {
    return String.join(
        ", ", COLUMNS.stream().map(c -> c.name() + " " + c.pgType().formatted(schema)).toList());
  }

  static Map<String, String> chColumns() {
    Map<String, String> m = new LinkedHashMap<>();
    COLUMNS.forEach(c -> m.put(c.name(), c.chType()));
    return m;
  }

  static String pgSelect(String table) {
    return "SELECT "
        + String.join(", ", COLUMNS.stream().map(Column::pgText).toList())
        + " FROM "
        + table
        + " ORDER BY id";
  }

  static String chSelect(String table) {
    return "SELECT "
        + String.join(", ", COLUMNS.stream().map(Column::chText).toList())
        + " FROM "
        + table
        + " FINAL WHERE _deleted = 0 ORDER BY id";
  }

  /** Applies each column's normalizer to rows of text values. */
  static List<List<String>> normalize(List<List<Object>> rows) {
    List<List<String>> out = new ArrayList<>();
    for (List<Object> row : rows) {
      List<String> n = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object v = row.get(i);
        n.add(v == null ? null : COLUMNS.get(i).normalize().apply(v.toString()));
      }
      out.add(n);
    }
    return out;
  }

  private static UnaryOperator<String> exact() {
    return s -> s;
  }

  private static UnaryOperator<String> decimal() {
    return s -> new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  /** Both sides print floats in their shortest exact form, but spell NaN and infinity apart. */
  private static UnaryOperator<String> floating() {
    return s ->
        switch (s.toLowerCase()) {
          case "nan" -> "NaN";
          case "inf", "infinity" -> "Infinity";
          case "-inf", "-infinity" -> "-Infinity";
          default -> Double.toString(Double.parseDouble(s));
        };
  }

  private static UnaryOperator<String> time() {
    return s -> LocalTime.parse(s).toString();
  }

  private static UnaryOperator<String> json() {
    return s -> {
      try {
        return JSON.readTree(s).toString();
      } catch (Exception e) {
        throw new IllegalArgumentException(s, e);
      }
    };
  }
}
