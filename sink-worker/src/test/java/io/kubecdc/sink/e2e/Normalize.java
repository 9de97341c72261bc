package io.kubecdc.sink.e2e;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Puts values read from PostgreSQL (pgjdbc) and from ClickHouse (clickhouse-jdbc) into one
 * comparable form, so that a comparison means "the same value", not "the same Java class". Nothing
 * is rounded: a decimal keeps every digit, a timestamp its microseconds.
 */
final class Normalize {
  private Normalize() {}

  static List<List<Object>> rows(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> n = new ArrayList<>();
      for (Object v : row) {
        n.add(value(v));
      }
      out.add(n);
    }
    return out;
  }

  static Object value(Object v) {
    try {
      if (v == null) {
        return null;
      }
      if (v instanceof BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
      }
      if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
        return ((Number) v).longValue();
      }
      if (v instanceof java.math.BigInteger b) {
        return b.longValueExact();
      }
      if (v instanceof OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC)
            .toLocalDateTime()
            .truncatedTo(ChronoUnit.MICROS)
            .toString();
      }
      if (v instanceof ZonedDateTime t) {
        return t.withZoneSameInstant(ZoneOffset.UTC)
            .toLocalDateTime()
            .truncatedTo(ChronoUnit.MICROS)
            .toString();
      }
      if (v instanceof java.sql.Timestamp t) {
        return t.toLocalDateTime().toString();
      }
      if (v instanceof LocalDateTime t) {
        return t.toString();
      }
      if (v instanceof java.sql.Date d) {
        return d.toLocalDate().toString();
      }
      if (v instanceof byte[] b) {
        return HexFormat.of().formatHex(b);
      }
      if (v instanceof Array a) {
        return value(a.getArray());
      }
      if (v instanceof Object[] a) {
        return Arrays.stream(a).map(Normalize::value).toList();
      }
      if (v instanceof java.util.Collection<?> c) {
        return c.stream().map(Normalize::value).toList();
      }
      if (v.getClass().isArray()) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
          list.add(value(java.lang.reflect.Array.get(v, i)));
        }
        return list;
      }
      if (v instanceof java.util.UUID || v instanceof java.time.LocalDate) {
        return v.toString();
      }
      return v;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
