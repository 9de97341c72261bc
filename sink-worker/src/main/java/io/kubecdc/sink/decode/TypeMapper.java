package io.kubecdc.sink.decode;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubecdc.contract.types.ClickHouseTypes;
import io.kubecdc.sink.decode.ColumnReader.Kind;

/**
 * Maps one Connect field schema, as Debezium's PostgreSQL connector writes it with the contract's
 * settings, to its ClickHouse type and the reader of its values. It must agree with the catalog
 * mapping the operator creates tables with ({@link io.kubecdc.contract.types.CatalogTypeMapping}),
 * column for column: schema evolution adds what the operator would have created.
 *
 * <p>Decisions: numeric without a declared precision (VariableScaleDecimal), or beyond ClickHouse's
 * Decimal (precision above 76, negative scale), maps to {@code String} holding the exact plain
 * decimal text; every numeric is Nullable because Debezium turns NaN and infinities into NULL; a
 * Decimal without precision is money ({@code Decimal(19, s)}); time maps to {@code Time64(6)};
 * timestamp without time zone is read as UTC wall-clock time; ClickHouse arrays cannot be Nullable,
 * so an array column is {@code Array(Nullable(T))} and a NULL array is written as an empty one.
 * Geometric structs become float tuples or WKB bytes; bit strings their text. A field with no
 * faithful form (an unknown struct, an array of arrays or of structs) is left out: its {@link
 * EventSchema.Field} has no type and is never added to a table, and the row is kept.
 */
final class TypeMapper {
  static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
  private static final int MAX_DECIMAL_PRECISION = 76;

  /** A mapped column: ClickHouse type without Nullable (null when left out), and its reader. */
  record Mapped(String clickhouseType, ColumnReader reader, boolean nullableAllowed) {
    boolean skipped() {
      return clickhouseType == null;
    }
  }

  private TypeMapper() {}

  static EventSchema.Field field(String column, JsonNode schema, Mapped mapped) {
    boolean optional = schema.path("optional").asBoolean(false);
    Kind kind = mapped.reader().kind();
    boolean nullable = optional || kind == Kind.DECIMAL || kind == Kind.VARIABLE_DECIMAL;
    return new EventSchema.Field(column, wrap(mapped, nullable), optional);
  }

  static String wrap(Mapped mapped, boolean optional) {
    String type = mapped.clickhouseType();
    if (type == null || !optional || !mapped.nullableAllowed()) {
      return type;
    }
    return ClickHouseTypes.nullable(type);
  }

  /** Like {@link #map}, but a field without a faithful form is left out instead of refused. */
  static Mapped mapOrSkip(String column, JsonNode schema) {
    try {
      return map(column, schema);
    } catch (DecodeException e) {
      return skip(column);
    }
  }

  private static Mapped skip(String column) {
    return new Mapped(null, reader(column, Kind.SKIP), false);
  }

  static Mapped map(String column, JsonNode schema) throws DecodeException {
    String type = schema.path("type").asText("");
    String logical = schema.path("name").asText(null);
    if (logical == null) {
      return primitive(column, type, schema);
    }
    switch (logical) {
      case DECIMAL:
        return decimal(column, type, schema);
      case "io.debezium.data.VariableScaleDecimal":
        return of(column, type, "struct", "String", Kind.VARIABLE_DECIMAL);
      case "io.debezium.data.Uuid":
        return of(column, type, "string", "UUID", Kind.UUID);
      case "io.debezium.time.Date":
        return of(column, type, "int32", "Date32", Kind.DATE);
      case "io.debezium.time.MicroTime":
        return of(column, type, "int64", "Time64(6)", Kind.MICRO_TIME);
      case "io.debezium.time.MicroTimestamp":
        return of(column, type, "int64", "DateTime64(6, 'UTC')", Kind.MICRO_TIMESTAMP);
      case "io.debezium.time.Timestamp":
        return of(column, type, "int64", "DateTime64(3, 'UTC')", Kind.MILLI_TIMESTAMP);
      case "io.debezium.time.ZonedTimestamp":
        return of(column, type, "string", "DateTime64(6, 'UTC')", Kind.ZONED_TIMESTAMP);
      case "io.debezium.data.Enum":
        return of(column, type, "string", "LowCardinality(String)", Kind.STRING);
      case "io.debezium.data.Bits":
        int length = schema.path("parameters").path("length").asInt(0);
        ColumnReader bits = new ColumnReader(column, Kind.BITS, length, null);
        return new Mapped("String", checked(column, type, "bytes", bits), true);
      case "io.debezium.data.geometry.Point":
        return of(column, type, "struct", "Tuple(x Float64, y Float64)", Kind.FLOAT_TUPLE);
      case "io.debezium.data.geometry.Line":
        return of(
            column, type, "struct", "Tuple(a Float64, b Float64, c Float64)", Kind.FLOAT_TUPLE);
      case "io.debezium.data.geometry.Circle":
        return of(
            column, type, "struct", "Tuple(x Float64, y Float64, r Float64)", Kind.FLOAT_TUPLE);
      case "io.debezium.data.geometry.Geometry":
        return of(column, type, "struct", "String", Kind.WKB);
      case "io.debezium.data.Json",
      "io.debezium.data.Tsvector",
      "io.debezium.data.Xml",
      "io.debezium.data.EnumSet",
      "io.debezium.data.Ltree",
      "io.debezium.time.Interval",
      "io.debezium.time.ZonedTime":
        return of(column, type, "string", "String", Kind.STRING);
      default:
        throw unsupported(column, type + " " + logical);
    }
  }

  private static Mapped primitive(String column, String type, JsonNode schema)
      throws DecodeException {
    switch (type) {
      case "int8":
        return new Mapped("Int8", reader(column, Kind.INT8), true);
      case "int16":
        return new Mapped("Int16", reader(column, Kind.INT16), true);
      case "int32":
        return new Mapped("Int32", reader(column, Kind.INT32), true);
      case "int64":
        return new Mapped("Int64", reader(column, Kind.INT64), true);
      case "float":
        return new Mapped("Float32", reader(column, Kind.FLOAT32), true);
      case "double":
        return new Mapped("Float64", reader(column, Kind.FLOAT64), true);
      case "boolean":
        return new Mapped("Bool", reader(column, Kind.BOOLEAN), true);
      case "string":
        return new Mapped("String", reader(column, Kind.STRING), true);
      case "bytes":
        return new Mapped("String", reader(column, Kind.BYTES), true);
      case "array":
        JsonNode items = schema.path("items");
        Mapped item = map(column, items);
        // elements are always Nullable, as the catalog mapping has them (Debezium marks enum
        // elements required, other elements optional)
        String t = item.clickhouseType();
        if (t.startsWith("Array(") || t.startsWith("Tuple(")) {
          throw unsupported(column, "array of " + t);
        }
        String itemType = wrap(item, true);
        return new Mapped(
            "Array(" + itemType + ")",
            new ColumnReader(column, Kind.ARRAY, 0, item.reader()),
            false);
      default:
        throw unsupported(column, type);
    }
  }

  private static Mapped decimal(String column, String type, JsonNode schema)
      throws DecodeException {
    if (!"bytes".equals(type)) {
      throw unsupported(column, type + " " + DECIMAL);
    }
    JsonNode params = schema.path("parameters");
    int scale = Integer.parseInt(params.path("scale").asText("0"));
    ColumnReader reader = new ColumnReader(column, Kind.DECIMAL, scale, null);
    String precisionText = params.path("connect.decimal.precision").asText(null);
    if (precisionText == null) {
      // only money arrives without a precision: 64-bit, 19 digits at most
      return new Mapped("Decimal(19, " + scale + ")", reader, true);
    }
    int precision = Integer.parseInt(precisionText);
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      return new Mapped("String", reader, true);
    }
    return new Mapped("Decimal(" + precision + ", " + scale + ")", reader, true);
  }

  private static Mapped of(String column, String type, String expected, String ch, Kind kind)
      throws DecodeException {
    return new Mapped(ch, checked(column, type, expected, reader(column, kind)), true);
  }

  private static ColumnReader checked(
      String column, String type, String expected, ColumnReader reader) throws DecodeException {
    if (!expected.equals(type)) {
      throw unsupported(column, type + " with " + reader.kind());
    }
    return reader;
  }

  private static ColumnReader reader(String column, Kind kind) {
    return new ColumnReader(column, kind, 0, null);
  }

  private static DecodeException unsupported(String column, String type) {
    return new DecodeException("column " + column + ": unsupported type " + type);
  }
}
