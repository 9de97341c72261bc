package io.kubecdc.sink.encode;

import io.kubecdc.contract.types.OutOfRange;
import io.kubecdc.contract.types.TemporalRange;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Keeps the row when a date or time value does not fit its column: wraps the writer of a {@code
 * Date32}/{@code DateTime64} column (Nullable or not) and replaces {@code ±infinity} ({@link
 * LocalDate#MAX}/{@link Instant#MAX} and their minimums, as the decoder reads them) and values
 * outside {@link TemporalRange} as {@link OutOfRange} says: the range's ends for infinity, one unit
 * inside them for finite values (so that infinity stays distinguishable), or NULL. Each replaced
 * value is counted.
 */
final class RangeGuard extends ColumnWriter {
  /** Replaced values of one batch, shared by its columns. */
  static final class Counter {
    private long count;

    void increment() {
      count++;
    }

    long take() {
      long c = count;
      count = 0;
      return c;
    }
  }

  private final ColumnWriter delegate;
  private final OutOfRange choice;
  private final Counter counter;
  private final Comparable<?>[] bounds; // min, min + 1 unit, max - 1 unit, max

  private RangeGuard(
      ColumnWriter delegate, OutOfRange choice, Counter counter, Comparable<?>[] bounds) {
    super(delegate.column, delegate.type);
    this.delegate = delegate;
    this.choice = choice;
    this.counter = counter;
    this.bounds = bounds;
  }

  static RangeGuard days(ColumnWriter w, LocalDate min, LocalDate max, OutOfRange o, Counter c) {
    return new RangeGuard(
        w, o, c, new Comparable<?>[] {min, min.plusDays(1), max.minusDays(1), max});
  }

  static RangeGuard ticks(ColumnWriter w, int precision, OutOfRange o, Counter c) {
    Instant min = TemporalRange.dateTime64Min(precision);
    Instant max = TemporalRange.dateTime64Max(precision);
    long tick = (long) Math.pow(10, 9 - precision);
    return new RangeGuard(
        w, o, c, new Comparable<?>[] {min, min.plusNanos(tick), max.minusNanos(tick), max});
  }

  /** The same guard around another writer (its Nullable wrapper). */
  RangeGuard around(ColumnWriter outer) {
    return new RangeGuard(outer, choice, counter, bounds);
  }

  ColumnWriter delegate() {
    return delegate;
  }

  @Override
  void writeValue(Object value, RowBuffer out) throws EncodeException {
    delegate.write(fit(value), out);
  }

  @Override
  void writeNull(RowBuffer out) throws EncodeException {
    delegate.writeNull(out);
  }

  @Override
  void writeDefault(RowBuffer out) {
    delegate.writeDefault(out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object fit(Object value) {
    if (!(value instanceof LocalDate) && !(value instanceof Instant)) {
      return value;
    }
    Comparable v = (Comparable) value;
    boolean infinite = value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN);
    infinite |= value.equals(Instant.MAX) || value.equals(Instant.MIN);
    boolean below = v.compareTo(bounds[0]) < 0;
    if (!below && v.compareTo(bounds[3]) <= 0) {
      return value;
    }
    counter.increment();
    if (choice == OutOfRange.NULLIFY) {
      return null;
    }
    if (infinite) {
      return below ? bounds[0] : bounds[3];
    }
    return below ? bounds[1] : bounds[2];
  }
}
