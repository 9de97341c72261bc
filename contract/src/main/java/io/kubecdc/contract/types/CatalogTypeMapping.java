package io.kubecdc.contract.types;

import java.util.Map;
import java.util.Set;

/**
 * The one type mapping: a PostgreSQL column, as the catalog describes it, to its ClickHouse column,
 * for the events that Debezium 3.7 produces with {@link io.kubecdc.contract.EventShape}'s settings.
 * The operator creates tables with it; the sink-worker's event mapping gives the same type for the
 * same column (a test on real events proves it), so schema evolution adds what the operator would
 * have created.
 *
 * <p>Each decision is the sink-worker README's type table; what Debezium itself changes or drops
 * was checked on real events of PostgreSQL 15 and is in the notes.
 */
public final class CatalogTypeMapping {
  /** Base types Debezium sends as text that a ClickHouse String holds exactly. */
  private static final Map<String, String> TEXT_TYPES =
      Map.ofEntries(
          Map.entry("inet", "text form, netmask kept (192.168.1.5/24)"),
          Map.entry("cidr", "text form"),
          Map.entry("macaddr", "text form"),
          Map.entry("macaddr8", "text form"),
          Map.entry("tsvector", "text form ('a' 'cat' 'fat')"),
          Map.entry("hstore", "JSON object text ({\"a\":\"1\",\"b\":null})"),
          Map.entry("interval", "ISO-8601 duration (P1Y2M3DT4H5M6.78S), not PostgreSQL's text"),
          Map.entry("lseg", "WKB bytes"),
          Map.entry("box", "WKB bytes (a polygon)"),
          Map.entry("polygon", "WKB bytes"));

  private static final Set<String> STRINGS =
      Set.of(
          "text", "varchar", "bpchar", "char", "citext", "json", "jsonb", "xml", "ltree", "bytea");

  /**
   * How the note of a column starts that Debezium would publish with wrong values, so the connector
   * must leave it out ({@code column.exclude.list}).
   */
  static final String AT_CONNECTOR = "left out at the connector: ";

  private CatalogTypeMapping() {}

  /**
   * @param key whether the column is part of the ClickHouse ORDER BY (never Nullable)
   */
  public static ColumnMapping map(SourceColumn c, OutOfRange outOfRange, boolean key) {
    if (c.generated()) {
      return excluded(
          c,
          AT_CONNECTOR
              + "generated column, pgoutput does not stream it before PostgreSQL 18 (the"
              + " snapshot would carry it, changes would not)");
    }
    if (c.typeName().equals("name")) {
      return excluded(
          c, AT_CONNECTOR + "Debezium streams name values as NULL (the snapshot has them)");
    }
    if (c.kind() == SourceColumn.Kind.COMPOSITE || c.kind() == SourceColumn.Kind.MULTIRANGE) {
      return excluded(c, "Debezium has no converter for " + c.kind().name().toLowerCase());
    }
    Mapped m = element(c, outOfRange);
    if (m == null) {
      return excluded(c, "Debezium 3.7 has no converter for " + c.typeName());
    }
    if (c.arrayDims() > 0) {
      if (m.type.startsWith("Tuple(") || c.typeName().equals("money")) {
        return excluded(c, "Debezium does not publish arrays of " + c.typeName());
      }
      String items = ClickHouseTypes.nullable(m.type);
      if (c.arrayDims() > 1) {
        return new ColumnMapping(
            c.name(),
            "Array(" + items + ")",
            Outcome.LOSSY,
            "multi-dimensional array: Debezium sends its elements as NULL");
      }
      return new ColumnMapping(
          c.name(), "Array(" + items + ")", m.outcome, join("NULL array lands as []", m.note));
    }
    boolean isNullable = (c.nullable() || m.forceNullable) && !key;
    return new ColumnMapping(
        c.name(), isNullable ? ClickHouseTypes.nullable(m.type) : m.type, m.outcome, m.note);
  }

  /** The element type, or null when Debezium drops the column. */
  private static Mapped element(SourceColumn c, OutOfRange outOfRange) {
    String t = c.typeName();
    if (c.kind() == SourceColumn.Kind.ENUM) {
      return new Mapped("LowCardinality(String)", Outcome.EXACT, "");
    }
    if (c.kind() == SourceColumn.Kind.RANGE) {
      return new Mapped("String", Outcome.TEXT, "range text form ([1,10))");
    }
    if (TEXT_TYPES.containsKey(t)) {
      return new Mapped("String", Outcome.TEXT, TEXT_TYPES.get(t));
    }
    if (STRINGS.contains(t)) {
      return new Mapped("String", Outcome.EXACT, "");
    }
    return switch (t) {
      case "int2" -> new Mapped("Int16", Outcome.EXACT, "");
      case "int4" -> new Mapped("Int32", Outcome.EXACT, "");
      case "int8" -> new Mapped("Int64", Outcome.EXACT, "");
      case "oid" -> new Mapped("Int64", Outcome.EXACT, "");
      case "float4" -> new Mapped("Float32", Outcome.EXACT, "");
      case "float8" -> new Mapped("Float64", Outcome.EXACT, "");
      case "bool" -> new Mapped("Bool", Outcome.EXACT, "");
      case "uuid" -> new Mapped("UUID", Outcome.EXACT, "");
      case "numeric" -> numeric(c.typmod());
      case "money" ->
          new Mapped("Decimal(19, 2)", Outcome.EXACT, "money.fraction.digits=2").nullable();
      case "bit" ->
          c.typmod() == 1
              ? new Mapped("Bool", Outcome.EXACT, "")
              : new Mapped("String", Outcome.TEXT, "bit string (0101)");
      case "varbit" ->
          new Mapped(
              "String",
              Outcome.LOSSY,
              "bit string; leading zero bits lost (varbit(n): padded to n)");
      case "point" -> new Mapped("Tuple(x Float64, y Float64)", Outcome.EXACT, "");
      case "line" -> new Mapped("Tuple(a Float64, b Float64, c Float64)", Outcome.EXACT, "");
      case "circle" -> new Mapped("Tuple(x Float64, y Float64, r Float64)", Outcome.EXACT, "");
      case "path" -> new Mapped("String", Outcome.LOSSY, "WKB bytes; open/closed flag lost");
      case "time" -> new Mapped("Time64(6)", Outcome.EXACT, "");
      case "timetz" ->
          new Mapped("String", Outcome.LOSSY, "converted to UTC (04:41:12.5Z): the offset is lost");
      case "date" -> temporal("Date32", outOfRange, "BC dates of the snapshot arrive as AD");
      case "timestamp" -> temporal(timestamp(c.typmod()), outOfRange, "");
      case "timestamptz" -> temporal("DateTime64(6, 'UTC')", outOfRange, "");
      default -> null;
    };
  }

  private static Mapped numeric(int typmod) {
    String nan = "NaN and ±Infinity arrive as NULL (0 in a NOT NULL column)";
    if (typmod < 4) {
      return new Mapped(
              "String",
              Outcome.LOSSY,
              "exact value as text, trailing zeros lost (1.50 -> 1.5); " + nan)
          .nullable();
    }
    int precision = ((typmod - 4) >> 16) & 0xFFFF;
    int scale = (((typmod - 4) & 0x7FF) ^ 0x400) - 0x400; // 11-bit signed since PostgreSQL 15
    if (precision > 76 || scale < 0 || scale > precision) {
      return new Mapped("String", Outcome.TEXT, "beyond ClickHouse Decimal: exact text; " + nan)
          .nullable();
    }
    return new Mapped("Decimal(" + precision + ", " + scale + ")", Outcome.EXACT, nan).nullable();
  }

  private static String timestamp(int typmod) {
    return typmod >= 0 && typmod <= 3 ? "DateTime64(3, 'UTC')" : "DateTime64(6, 'UTC')";
  }

  private static Mapped temporal(String type, OutOfRange outOfRange, String note) {
    return switch (outOfRange) {
      case CLAMP -> new Mapped(type, Outcome.EXACT, join("out of range: clamped", note));
      case NULLIFY -> new Mapped(type, Outcome.EXACT, join("out of range: NULL", note)).nullable();
      case STRING -> new Mapped("String", Outcome.TEXT, join("text form, infinity kept", note));
    };
  }

  private static ColumnMapping excluded(SourceColumn c, String why) {
    return new ColumnMapping(c.name(), null, Outcome.EXCLUDED, why);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }

  private record Mapped(String type, Outcome outcome, String note, boolean forceNullable) {
    Mapped(String type, Outcome outcome, String note) {
      this(type, outcome, note, false);
    }

    Mapped nullable() {
      return new Mapped(type, outcome, note, true);
    }
  }
}
