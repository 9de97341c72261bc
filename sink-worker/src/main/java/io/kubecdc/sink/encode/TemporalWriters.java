package io.kubecdc.sink.encode;

import io.kubecdc.contract.types.TemporalRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Date, Date32, DateTime, DateTime64, Time and Time64, within ClickHouse's ranges ({@link
 * TemporalRange}; {@link RangeGuard} fits other values first) and without rounding: a timestamp
 * with more precision than its column is refused.
 */
final class TemporalWriters {
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private TemporalWriters() {}

  /** Date (UInt16) and Date32 (Int32): days since 1970-01-01. */
  static final class Days extends ColumnWriter {
    private final boolean wide;
    private final long min;
    private final long max;

    Days(String column, String type, boolean wide) {
      super(column, type);
      this.wide = wide;
      this.min = wide ? TemporalRange.DATE32_MIN.toEpochDay() : 0;
      this.max = wide ? TemporalRange.DATE32_MAX.toEpochDay() : 65535;
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      long days;
      if (value instanceof LocalDate d) {
        days = d.toEpochDay();
      } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
        days = ((Number) value).longValue();
      } else {
        throw unsupported(value);
      }
      if (days < min || days > max) {
        throw fail(LocalDate.ofEpochDay(days) + " out of range");
      }
      if (wide) {
        out.writeInt((int) days);
      } else {
        out.writeShort((int) days);
      }
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeZeros(wide ? 4 : 2);
    }
  }

  /** DateTime64(p[, tz]) as Int64 ticks, and DateTime (p = 0, UInt32 seconds). */
  static final class Ticks extends ColumnWriter {
    private final Instant min;
    private final Instant max;
    private final int precision;
    private final boolean dateTime32;

    Ticks(String column, String type, int precision, boolean dateTime32) {
      super(column, type);
      if (precision < 0 || precision > 9) {
        throw new IllegalArgumentException("column " + column + ": invalid " + type);
      }
      this.precision = precision;
      this.dateTime32 = dateTime32;
      this.min = TemporalRange.dateTime64Min(precision);
      this.max = TemporalRange.dateTime64Max(precision);
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      Instant t = instant(value);
      long seconds = t.getEpochSecond();
      int nanos = t.getNano();
      long unit = POW10[9 - precision];
      if (nanos % unit != 0) {
        throw fail(t + " has more than " + precision + " fraction digits");
      }
      if (dateTime32) {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
          throw fail(t + " out of range");
        }
        out.writeInt((int) seconds);
        return;
      }
      if (t.isBefore(min) || t.isAfter(max)) {
        throw fail(t + " out of range");
      }
      try {
        out.writeLong(Math.addExact(Math.multiplyExact(seconds, POW10[precision]), nanos / unit));
      } catch (ArithmeticException e) {
        throw fail(t + " out of range");
      }
    }

    private Instant instant(Object value) throws EncodeException {
      if (value instanceof Instant i) {
        return i;
      }
      if (value instanceof OffsetDateTime o) {
        return o.toInstant();
      }
      if (value instanceof ZonedDateTime z) {
        return z.toInstant();
      }
      if (value instanceof LocalDateTime l) {
        return l.toInstant(ZoneOffset.UTC);
      }
      throw unsupported(value);
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeZeros(dateTime32 ? 4 : 8);
    }
  }

  /** Time64(p) as Int64 ticks, Time as Int32 seconds; a Long is microseconds since midnight. */
  static final class TimeOfDay extends ColumnWriter {
    private static final long MAX_NANOS =
        (999L * 3600 + 59 * 60 + 59) * 1_000_000_000L + 999_999_999L;
    private final int precision;
    private final boolean time32;

    TimeOfDay(String column, String type, int precision, boolean time32) {
      super(column, type);
      if (precision < 0 || precision > 9) {
        throw new IllegalArgumentException("column " + column + ": invalid " + type);
      }
      this.precision = precision;
      this.time32 = time32;
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      long nanos;
      if (value instanceof Long micros) {
        if (Math.abs(micros) > MAX_NANOS / 1000) {
          throw fail(micros + " µs out of range");
        }
        nanos = micros * 1000;
      } else if (value instanceof LocalTime t) {
        nanos = t.toNanoOfDay();
      } else if (value instanceof Duration d) {
        if (d.abs().compareTo(Duration.ofNanos(MAX_NANOS)) > 0) {
          throw fail(d + " out of range");
        }
        nanos = d.toNanos();
      } else {
        throw unsupported(value);
      }
      long unit = POW10[9 - precision];
      if (nanos % unit != 0) {
        throw fail(nanos + " ns has more than " + precision + " fraction digits");
      }
      if (time32) {
        out.writeInt((int) (nanos / unit));
      } else {
        out.writeLong(nanos / unit);
      }
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeZeros(time32 ? 4 : 8);
    }
  }
}
