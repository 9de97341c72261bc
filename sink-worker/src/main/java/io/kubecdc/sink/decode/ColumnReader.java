package io.kubecdc.sink.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one column value of a row image from the payload into its Java form (see {@link
 * EventSchema}), recognising Debezium's placeholder for unchanged TOASTed values.
 */
final class ColumnReader {
  /** The Connect/Debezium value kinds the sink understands. */
  enum Kind {
    INT8,
    INT16,
    INT32,
    INT64,
    FLOAT32,
    FLOAT64,
    BOOLEAN,
    STRING,
    BYTES,
    DECIMAL,
    VARIABLE_DECIMAL,
    UUID,
    DATE,
    MICRO_TIME,
    MICRO_TIMESTAMP,
    MILLI_TIMESTAMP,
    ZONED_TIMESTAMP,
    ARRAY,
    /** io.debezium.data.Bits: little-endian bytes, read as the bit string; scale is the length. */
    BITS,
    /** A struct of doubles (Point, Line, Circle): its numbers in order, nested ones too. */
    FLOAT_TUPLE,
    /** io.debezium.data.geometry.Geometry: the WKB bytes. */
    WKB,
    /** A column the sink leaves out (Debezium's value has no faithful form). */
    SKIP
  }

  /** PostgreSQL's limit for bit(n), Debezium's length for unbounded varbit. */
  private static final int MAX_BIT_LENGTH = 83_886_080;

  private final String column;
  private final Kind kind;
  private final int scale;
  private final ColumnReader items;

  ColumnReader(String column, Kind kind, int scale, ColumnReader items) {
    this.column = column;
    this.kind = kind;
    this.scale = scale;
    this.items = items;
  }

  Kind kind() {
    return kind;
  }

  /**
   * Reads the value at the parser's current token (already advanced onto it); {@code placeholder}
   * is the pipeline's mark of an unchanged TOASTed value.
   */
  Object read(JsonParser p, Placeholder placeholder) throws IOException, DecodeException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    switch (kind) {
      case INT8:
        return (byte) expectInt(p, t, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case INT16:
        return (short) expectInt(p, t, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32:
        return (int) expectInt(p, t, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case INT64:
      case MICRO_TIME:
        return expectLong(p, t);
      case FLOAT32:
        return (float) readDouble(p, t);
      case FLOAT64:
        return readDouble(p, t);
      case BOOLEAN:
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
          return t == JsonToken.VALUE_TRUE;
        }
        throw mismatch(t);
      case STRING:
        expectString(p, t);
        return placeholder.isText(p) ? Unavailable.VALUE : p.getText();
      case BYTES:
        expectString(p, t);
        return placeholder.isBase64(p) ? Unavailable.VALUE : p.getBinaryValue();
      case DECIMAL:
        expectString(p, t);
        return decimal(p.getBinaryValue(), scale);
      case VARIABLE_DECIMAL:
        return variableDecimal(p, t);
      case UUID:
        expectString(p, t);
        if (placeholder.isText(p) || placeholder.isUuid(p)) {
          return Unavailable.VALUE;
        }
        return java.util.UUID.fromString(p.getText());
      case DATE:
        return DebeziumTemporal.date(expectInt(p, t, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case MICRO_TIMESTAMP:
        return DebeziumTemporal.micros(expectLong(p, t));
      case MILLI_TIMESTAMP:
        return DebeziumTemporal.millis(expectLong(p, t));
      case ZONED_TIMESTAMP:
        expectString(p, t);
        if (p.getTextLength() < 20) {
          Instant infinity = DebeziumTemporal.zonedInfinity(p.getText());
          if (infinity != null) {
            return infinity;
          }
        }
        return Timestamps.parseUtc(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      case ARRAY:
        return array(p, t, placeholder);
      case BITS:
        expectString(p, t);
        return placeholder.isBase64(p) ? Unavailable.VALUE : bits(p.getBinaryValue());
      case FLOAT_TUPLE:
        List<Double> numbers = new ArrayList<>();
        doubles(p, t, numbers);
        return numbers.stream().mapToDouble(Double::doubleValue).toArray();
      case WKB:
        return wkb(p, t);
      case SKIP:
        p.skipChildren();
        return null;
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  private Object array(JsonParser p, JsonToken t, Placeholder placeholder)
      throws IOException, DecodeException {
    if (t != JsonToken.START_ARRAY) {
      throw mismatch(t);
    }
    List<Object> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      Object item = items.read(p, placeholder);
      if (item == Unavailable.VALUE) {
        // text-like arrays carry the placeholder as their single element
        skipRest(p);
        return Unavailable.VALUE;
      }
      list.add(item);
    }
    return placeholder.isNumericArray(list) ? Unavailable.VALUE : list;
  }

  private static void skipRest(JsonParser p) throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      p.skipChildren();
    }
  }

  /** Debezium's Bits are the value's bytes, least significant first; bit(n) keeps n digits. */
  private String bits(byte[] littleEndian) {
    byte[] bigEndian = new byte[littleEndian.length + 1];
    for (int i = 0; i < littleEndian.length; i++) {
      bigEndian[bigEndian.length - 1 - i] = littleEndian[i];
    }
    String digits = new BigInteger(bigEndian).toString(2);
    // unbounded varbit says length 2^31-1: nothing to pad to
    boolean pad = scale < MAX_BIT_LENGTH && digits.length() < scale;
    return pad ? "0".repeat(scale - digits.length()) + digits : digits;
  }

  private void doubles(JsonParser p, JsonToken t, List<Double> out)
      throws IOException, DecodeException {
    if (t != JsonToken.START_OBJECT) {
      throw mismatch(t);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      JsonToken v = p.nextToken();
      if (v == JsonToken.START_OBJECT) {
        doubles(p, v, out);
      } else if (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT) {
        out.add(p.getDoubleValue());
      } else if (v == JsonToken.VALUE_STRING && !"wkb".equals(p.currentName())) {
        out.add(readDouble(p, v));
      } else {
        p.skipChildren();
      }
    }
  }

  private byte[] wkb(JsonParser p, JsonToken t) throws IOException, DecodeException {
    if (t != JsonToken.START_OBJECT) {
      throw mismatch(t);
    }
    byte[] wkb = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ("wkb".equals(name) && v == JsonToken.VALUE_STRING) {
        wkb = p.getBinaryValue();
      } else {
        p.skipChildren();
      }
    }
    if (wkb == null) {
      throw new DecodeException("column " + column + ": geometry without wkb");
    }
    return wkb;
  }

  private Object variableDecimal(JsonParser p, JsonToken t) throws IOException, DecodeException {
    if (t != JsonToken.START_OBJECT) {
      throw mismatch(t);
    }
    Integer varScale = null;
    byte[] unscaled = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ("scale".equals(name)) {
        varScale = (int) expectInt(p, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
      } else if ("value".equals(name)) {
        expectString(p, v);
        unscaled = p.getBinaryValue();
      } else {
        p.skipChildren();
      }
    }
    if (varScale == null || unscaled == null) {
      throw new DecodeException(
          "column " + column + ": VariableScaleDecimal without scale or value");
    }
    return decimal(unscaled, varScale);
  }

  static BigDecimal decimal(byte[] twosComplement, int scale) {
    if (twosComplement.length == 0) {
      return BigDecimal.valueOf(0, scale);
    }
    if (twosComplement.length <= 8) {
      long v = twosComplement[0]; // sign-extended
      for (int i = 1; i < twosComplement.length; i++) {
        v = (v << 8) | (twosComplement[i] & 0xFF);
      }
      return BigDecimal.valueOf(v, scale);
    }
    return new BigDecimal(new BigInteger(twosComplement), scale);
  }

  private double readDouble(JsonParser p, JsonToken t) throws IOException, DecodeException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      // JsonConverter writes NaN and the infinities as strings
      switch (p.getText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw mismatch(t);
  }

  private long expectInt(JsonParser p, JsonToken t, long min, long max)
      throws IOException, DecodeException {
    long v = expectLong(p, t);
    if (v < min || v > max) {
      throw new DecodeException("column " + column + ": " + v + " out of range for " + kind);
    }
    return v;
  }

  private long expectLong(JsonParser p, JsonToken t) throws IOException, DecodeException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch(t);
    }
    return p.getLongValue();
  }

  private void expectString(JsonParser p, JsonToken t) throws DecodeException {
    if (t != JsonToken.VALUE_STRING) {
      throw mismatch(t);
    }
  }

  private DecodeException mismatch(JsonToken t) {
    return new DecodeException("column " + column + ": expected a " + kind + " value, got " + t);
  }
}
