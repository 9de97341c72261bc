package io.kubecdc.sink.encode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Date and time values as PostgreSQL prints them, for a column whose out-of-range choice is {@code
 * string}: {@code 2024-02-29}, {@code 2024-02-29 10:11:12.5} (fraction without trailing zeros,
 * timestamptz in UTC), years BC as {@code 0044-03-15 BC}, and {@code infinity}/{@code -infinity}.
 */
final class TemporalText {
  private TemporalText() {}

  static String of(Object value) {
    if (value.equals(LocalDate.MAX) || value.equals(Instant.MAX)) {
      return "infinity";
    }
    if (value.equals(LocalDate.MIN) || value.equals(Instant.MIN)) {
      return "-infinity";
    }
    if (value instanceof LocalDate d) {
      return date(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) + era(d.getYear());
    }
    LocalDateTime t = LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(date(t.getYear(), t.getMonthValue(), t.getDayOfMonth()));
    b.append(String.format(" %02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
    if (t.getNano() != 0) {
      String fraction = String.format("%09d", t.getNano()).replaceAll("0+$", "");
      b.append('.').append(fraction);
    }
    return b.append(era(t.getYear())).toString();
  }

  /** PostgreSQL counts 1 BC, 2 BC, ... where ISO counts 0, -1, ... */
  private static String date(int year, int month, int day) {
    int shown = year > 0 ? year : 1 - year;
    return String.format("%04d-%02d-%02d", shown, month, day);
  }

  private static String era(int year) {
    return year > 0 ? "" : " BC";
  }
}
