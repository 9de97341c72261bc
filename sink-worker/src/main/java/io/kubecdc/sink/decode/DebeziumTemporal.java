package io.kubecdc.sink.decode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * PostgreSQL's {@code infinity} and {@code -infinity} as Debezium 3.7 encodes them, found in real
 * events (snapshot and streaming differ), decoded to {@link #POSITIVE_INFINITY_DATE} and friends so
 * that the encoder can tell them from dates: {@code date} as days, {@code +infinity} 2146033979
 * while streaming and -622191234 in the snapshot and in arrays, {@code -infinity} -2147472691
 * streaming and -625821272 in the snapshot, every one outside PostgreSQL's own range; {@code
 * timestamp(4..6)} as {@code Long.MAX_VALUE}/{@code Long.MIN_VALUE} microseconds; {@code
 * timestamp(0..3)} as pgjdbc's 9223372036825200000 and -9223372036832400000 milliseconds; {@code
 * timestamptz} as the texts {@code infinity} and {@code -infinity}.
 *
 * <p>Timestamps after about 292277 AD overflow Debezium's microseconds and arrive as values before
 * PostgreSQL's first day: they are decoded as {@link #BEYOND_MICROS}, PostgreSQL's last timestamp.
 */
final class DebeziumTemporal {
  static final LocalDate POSITIVE_INFINITY_DATE = LocalDate.MAX;
  static final LocalDate NEGATIVE_INFINITY_DATE = LocalDate.MIN;
  static final Instant POSITIVE_INFINITY = Instant.MAX;
  static final Instant NEGATIVE_INFINITY = Instant.MIN;
  static final Instant BEYOND_MICROS = Instant.parse("+294276-12-31T23:59:59.999999Z");

  private static final long PG_FIRST_DAY = LocalDate.of(-4713, 11, 24).toEpochDay();
  private static final long PG_LAST_DAY = LocalDate.of(5874897, 12, 31).toEpochDay();
  private static final long SNAPSHOT_POSITIVE_INFINITY_DAYS = -622191234L;
  private static final long PG_FIRST_MICROS = PG_FIRST_DAY * 86_400_000_000L;
  private static final long PGJDBC_POSITIVE_INFINITY_MILLIS = 9223372036825200000L;
  private static final long PGJDBC_NEGATIVE_INFINITY_MILLIS = -9223372036832400000L;

  private DebeziumTemporal() {}

  static LocalDate date(long days) {
    if (days > PG_LAST_DAY || days == SNAPSHOT_POSITIVE_INFINITY_DAYS) {
      return POSITIVE_INFINITY_DATE;
    }
    if (days < PG_FIRST_DAY) {
      return NEGATIVE_INFINITY_DATE;
    }
    return LocalDate.ofEpochDay(days);
  }

  static Instant micros(long micros) {
    if (micros == Long.MAX_VALUE) {
      return POSITIVE_INFINITY;
    }
    if (micros == Long.MIN_VALUE) {
      return NEGATIVE_INFINITY;
    }
    if (micros < PG_FIRST_MICROS) {
      return BEYOND_MICROS;
    }
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  static Instant millis(long millis) {
    if (millis == PGJDBC_POSITIVE_INFINITY_MILLIS) {
      return POSITIVE_INFINITY;
    }
    if (millis == PGJDBC_NEGATIVE_INFINITY_MILLIS) {
      return NEGATIVE_INFINITY;
    }
    return Instant.ofEpochMilli(millis);
  }

  /** The ZonedTimestamp texts of infinity, or null for any other text. */
  static Instant zonedInfinity(String text) {
    return switch (text) {
      case "infinity" -> POSITIVE_INFINITY;
      case "-infinity" -> NEGATIVE_INFINITY;
      default -> null;
    };
  }
}
