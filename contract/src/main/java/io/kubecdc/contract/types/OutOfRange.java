package io.kubecdc.contract.types;

import java.util.Locale;

/**
 * What happens to a {@code date}, {@code timestamp} or {@code timestamptz} value that ClickHouse's
 * column type cannot hold ({@code infinity}, {@code -infinity}, or a finite value outside the
 * type's range, see {@link TemporalRange}). Chosen per column, at table creation, because it
 * decides the ClickHouse type; the row itself is always kept.
 */
public enum OutOfRange {
  /**
   * The default: the typed column ({@code Date32}, {@code DateTime64}); {@code -infinity} and
   * {@code infinity} become the first and last value of the range, a finite value outside the range
   * the value one unit inside it (a day, or one tick), so that infinity stays distinguishable.
   * Counted per table.
   */
  CLAMP,
  /** The typed column made {@code Nullable}: such values become NULL. Counted per table. */
  NULLIFY,
  /**
   * A {@code String} column holding every value as text ({@code 2024-02-29}, {@code 2024-02-29
   * 10:11:12.123456}, {@code infinity}, years BC as {@code 0044-03-15 BC}): nothing is changed, but
   * the column is not a date.
   */
  STRING;

  /**
   * The configuration spelling: {@code clamp}, {@code nullify}, {@code string} (a YAML {@code null}
   * would read as absent).
   */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the allowed values
   */
  public static OutOfRange parse(String text) {
    for (OutOfRange o : values()) {
      if (o.configName().equals(text)) {
        return o;
      }
    }
    throw new IllegalArgumentException("must be one of clamp, nullify, string (was " + text + ")");
  }
}
