package io.kubecdc.contract.types;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The values ClickHouse's date and time types hold, from its documentation (ClickHouse 26.7, the
 * engine the local stack runs): {@code Date32} holds [1900-01-01, 2299-12-31]; {@code
 * DateTime64(p)} holds [0000-01-01 00:00:00, 9999-12-31 23:59:59.99...] for p up to 7, and for p 8
 * and 9 only what its Int64 ticks reach (p = 9: 1677-09-21 00:12:44 to 2262-04-11 23:47:16).
 * Releases before 26.7 limited DateTime64 to the Date32 years and clamped other values silently.
 * PostgreSQL reaches further (4713 BC to 5874897 AD for date, 294276 AD for timestamp), and has
 * {@code infinity}: see {@link OutOfRange}.
 */
public final class TemporalRange {
  public static final LocalDate DATE32_MIN = LocalDate.of(1900, 1, 1);
  public static final LocalDate DATE32_MAX = LocalDate.of(2299, 12, 31);
  private static final Instant CALENDAR_MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant CALENDAR_END = Instant.parse("+10000-01-01T00:00:00Z");

  private TemporalRange() {}

  /** The first value a {@code DateTime64(precision)} column holds. */
  public static Instant dateTime64Min(int precision) {
    Instant ticksMin = Instant.ofEpochSecond(Long.MIN_VALUE / pow10(precision));
    return ticksMin.isAfter(CALENDAR_MIN) ? ticksMin : CALENDAR_MIN;
  }

  /** The last value a {@code DateTime64(precision)} column holds (its last tick). */
  public static Instant dateTime64Max(int precision) {
    Instant ticksMax = Instant.ofEpochSecond(Long.MAX_VALUE / pow10(precision));
    Instant calendarMax = CALENDAR_END.minusNanos(pow10(9 - precision));
    return ticksMax.isBefore(calendarMax) ? ticksMax : calendarMax;
  }

  private static long pow10(int n) {
    if (n < 0 || n > 9) {
      throw new IllegalArgumentException("DateTime64 precision must be 0..9, was " + n);
    }
    long v = 1;
    for (int i = 0; i < n; i++) {
      v *= 10;
    }
    return v;
  }
}
