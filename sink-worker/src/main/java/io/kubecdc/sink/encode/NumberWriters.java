package io.kubecdc.sink.encode;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Integers, floats and Bool; a value that does not fit its column exactly is refused. */
final class NumberWriters {
  private NumberWriters() {}

  /** Int8..Int64 and UInt8..UInt32, as a range-checked long of {@code width} bytes. */
  static final class Fixed extends ColumnWriter {
    private final int width;
    private final long min;
    private final long max;

    Fixed(String column, String type, int width, long min, long max) {
      super(column, type);
      this.width = width;
      this.min = min;
      this.max = max;
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      long v = integral(this, value);
      if (v < min || v > max) {
        throw fail(v + " out of range");
      }
      switch (width) {
        case 1 -> out.writeByte((int) v);
        case 2 -> out.writeShort((int) v);
        case 4 -> out.writeInt((int) v);
        default -> out.writeLong(v);
      }
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeZeros(width);
    }
  }

  /** UInt64, Int128/256, UInt128/256, from any exact integer. */
  static final class Wide extends ColumnWriter {
    private final int width;
    private final BigInteger min;
    private final BigInteger max;

    Wide(String column, String type, int width, boolean signed) {
      super(column, type);
      this.width = width;
      BigInteger span = BigInteger.ONE.shiftLeft(width * 8 - (signed ? 1 : 0));
      this.min = signed ? span.negate() : BigInteger.ZERO;
      this.max = span.subtract(BigInteger.ONE);
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      BigInteger v;
      if (value instanceof BigInteger b) {
        v = b;
      } else if (value instanceof BigDecimal d) {
        try {
          v = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
          throw fail(d + " is not an integer");
        }
      } else {
        v = BigInteger.valueOf(integral(this, value));
      }
      if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
        throw fail(v + " out of range");
      }
      // the low bytes of the two's complement, also for unsigned values with the top bit set
      out.writeBig(v, width);
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeZeros(width);
    }
  }

  static final class Float32 extends ColumnWriter {
    Float32(String column, String type) {
      super(column, type);
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      float f;
      if (value instanceof Float x) {
        f = x;
      } else {
        double d = exactDouble(this, value);
        f = (float) d;
        if (f != d && !Double.isNaN(d)) {
          throw fail(d + " does not fit a Float32");
        }
      }
      out.writeInt(Float.floatToIntBits(f));
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeInt(0);
    }
  }

  static final class Float64 extends ColumnWriter {
    Float64(String column, String type) {
      super(column, type);
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      out.writeLong(Double.doubleToLongBits(exactDouble(this, value)));
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeLong(0);
    }
  }

  static final class Bool extends ColumnWriter {
    Bool(String column, String type) {
      super(column, type);
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      if (!(value instanceof Boolean b)) {
        throw unsupported(value);
      }
      out.writeByte(b ? 1 : 0);
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeByte(0);
    }
  }

  static long integral(ColumnWriter w, Object value) throws EncodeException {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    }
    try {
      if (value instanceof BigInteger b) {
        return b.longValueExact();
      }
      if (value instanceof BigDecimal d) {
        return d.longValueExact();
      }
    } catch (ArithmeticException e) {
      throw w.fail(value + " is not an integer in range");
    }
    throw w.unsupported(value);
  }

  static double exactDouble(ColumnWriter w, Object value) throws EncodeException {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Float f) {
      return f;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof Long l && (long) (double) l == l && l != Long.MAX_VALUE) {
      return l;
    }
    if (value instanceof BigDecimal d
        && Double.isFinite(d.doubleValue())
        && new BigDecimal(d.doubleValue()).compareTo(d) == 0) {
      return d.doubleValue();
    }
    if (value instanceof Number) {
      throw w.fail(value + " is not exactly representable as a float");
    }
    throw w.unsupported(value);
  }
}
