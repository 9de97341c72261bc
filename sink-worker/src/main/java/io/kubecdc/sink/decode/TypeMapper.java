package io.kubecdc.sink.decode;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubecdc.sink.decode.ColumnReader.Kind;

/**
 * Maps one Connect field schema, as Debezium's PostgreSQL connector writes it with the contract's
 * settings, to its ClickHouse type and the reader of its values.
 *
 * <p>Decisions: numeric without a declared precision (VariableScaleDecimal), or beyond ClickHouse's
 * Decimal (precision above 76, negative scale), maps to {@code String} holding the exact plain
 * decimal text; time maps to {@code Time64(6)}; timestamp without time zone is read as UTC
 * wall-clock time; ClickHouse arrays cannot be Nullable, so an array column is {@code
 * Array(Nullable(T))} and a NULL array is written as an empty one.
 */
final class TypeMapper {
  static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
  private static final int MAX_DECIMAL_PRECISION = 76;

  /** A mapped column: ClickHouse type without Nullable, and its reader. */
  record Mapped(String clickhouseType, ColumnReader reader, boolean nullableAllowed) {}

  private TypeMapper() {}

  static EventSchema.Field field(String column, JsonNode schema, Mapped mapped) {
    boolean optional = schema.path("optional").asBoolean(false);
    return new EventSchema.Field(column, wrap(mapped, optional), optional);
  }

  static String wrap(Mapped mapped, boolean optional) {
    String type = mapped.clickhouseType();
    if (!optional || !mapped.nullableAllowed()) {
      return type;
    }
    if (type.startsWith("LowCardinality(")) {
      return "LowCardinality(Nullable(" + type.substring(15, type.length() - 1) + "))";
    }
    return "Nullable(" + type + ")";
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
      case "io.debezium.data.Json",
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
        boolean itemOptional = items.path("optional").asBoolean(false);
        if (item.clickhouseType().startsWith("Array(")) {
          throw unsupported(column, "array of arrays");
        }
        String itemType = wrap(item, itemOptional);
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
      return new Mapped("String", reader, true);
    }
    int precision = Integer.parseInt(precisionText);
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      return new Mapped("String", reader, true);
    }
    return new Mapped("Decimal(" + precision + ", " + scale + ")", reader, true);
  }

  private static Mapped of(String column, String type, String expected, String ch, Kind kind)
      throws DecodeException {
    if (!expected.equals(type)) {
      throw unsupported(column, type + " with " + kind);
    }
    return new Mapped(ch, reader(column, kind), true);
  }

  private static ColumnReader reader(String column, Kind kind) {
    return new ColumnReader(column, kind, 0, null);
  }

  private static DecodeException unsupported(String column, String type) {
    return new DecodeException("column " + column + ": unsupported type " + type);
  }
}
