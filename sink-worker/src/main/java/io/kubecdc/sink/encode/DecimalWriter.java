package io.kubecdc.sink.encode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code Decimal(P, S)}: the unscaled value at scale S as a little-endian Int32/64/128/256 by P.
 * Rescaling is exact: a value with more significant fraction digits than S, or more than P digits,
 * is refused, never rounded.
 */
final class DecimalWriter extends ColumnWriter {
  private final int scale;
  private final int width;
  private final long maxLong;
  private final BigInteger maxBig;

  DecimalWriter(String column, String type, int precision, int scale) {
    super(column, type);
    if (precision < 1 || precision > 76 || scale < 0 || scale > precision) {
      throw new IllegalArgumentException("column " + column + ": invalid " + type);
    }
    this.scale = scale;
    this.width = precision <= 9 ? 4 : precision <= 18 ? 8 : precision <= 38 ? 16 : 32;
    this.maxBig = BigInteger.TEN.pow(precision);
    this.maxLong = precision <= 18 ? maxBig.longValueExact() : Long.MAX_VALUE;
  }

  @Override
  void writeValue(Object value, RowBuffer out) throws EncodeException {
    BigDecimal d = toDecimal(value);
    if (d.scale() != scale) {
      try {
        d = d.setScale(scale, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw fail(d.toPlainString() + " has more than " + scale + " fraction digits");
      }
    }
    BigInteger unscaled = d.unscaledValue();
    if (unscaled.bitLength() < 64) {
      long v = unscaled.longValue();
      if (v >= maxLong || v <= -maxLong) {
        throw tooLarge(d);
      }
      if (width == 4) {
        out.writeInt((int) v);
      } else {
        out.writeLongExtended(v, width);
      }
      return;
    }
    if (unscaled.abs().compareTo(maxBig) >= 0) {
      throw tooLarge(d);
    }
    out.writeBig(unscaled, width);
  }

  private EncodeException tooLarge(BigDecimal d) {
    return fail(d.toPlainString() + " exceeds the precision");
  }

  private BigDecimal toDecimal(Object value) throws EncodeException {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (value instanceof CharSequence s) {
      try {
        return new BigDecimal(s.toString());
      } catch (NumberFormatException e) {
        throw fail("'" + s + "' is not a decimal number");
      }
    }
    throw unsupported(value);
  }

  @Override
  void writeDefault(RowBuffer out) {
    out.writeZeros(width);
  }
}
