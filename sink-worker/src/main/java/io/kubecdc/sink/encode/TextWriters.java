package io.kubecdc.sink.encode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** String (text as UTF-8, bytes as they are) and UUID. */
final class TextWriters {
  private TextWriters() {}

  /** String, and LowCardinality(String), which RowBinary writes as the plain type. */
  static final class Str extends ColumnWriter {
    Str(String column, String type) {
      super(column, type);
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      if (value instanceof String s) {
        out.writeUtf8(s);
      } else if (value instanceof byte[] b) {
        out.writeBytes(b);
      } else if (value instanceof LocalDate || value instanceof Instant) {
        // a date or time column whose out-of-range choice is string
        out.writeUtf8(TemporalText.of(value));
      } else if (value instanceof BigDecimal d) {
        // numeric without a declared precision: its exact text
        out.writeUtf8(d.toPlainString());
      } else if (value instanceof CharSequence
          || value instanceof Number
          || value instanceof Boolean
          || value instanceof UUID) {
        out.writeUtf8(value.toString());
      } else {
        throw unsupported(value);
      }
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeVarUInt(0);
    }
  }

  /** UUID: the two halves as little-endian UInt64, the high (most significant) half first. */
  static final class Uuid extends ColumnWriter {
    Uuid(String column, String type) {
      super(column, type);
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      UUID u;
      if (value instanceof UUID x) {
        u = x;
      } else if (value instanceof CharSequence s) {
        try {
          u = UUID.fromString(s.toString());
        } catch (IllegalArgumentException e) {
          throw fail("'" + s + "' is not a UUID");
        }
      } else {
        throw unsupported(value);
      }
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeZeros(16);
    }
  }
}
