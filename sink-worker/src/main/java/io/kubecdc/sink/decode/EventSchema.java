package io.kubecdc.sink.decode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of a row event as its Connect schema describes them, with the ClickHouse type each
 * maps to. Decoded once per distinct schema and shared by all events that carry it.
 *
 * <p>The Java form of a decoded value, by ClickHouse type of its field: {@code Int8/16/32/64} a
 * {@code Byte/Short/Integer/Long}; {@code Float32/64} a {@code Float/Double} (NaN and infinities
 * kept); {@code Bool} a {@code Boolean}; {@code Decimal(P,S)} a {@code BigDecimal} with the source
 * scale; {@code String} a {@code String}, except bytea ({@code byte[]}, the raw bytes) and numeric
 * without a declared precision or beyond ClickHouse's ({@code BigDecimal}, exact); {@code UUID} a
 * {@code java.util.UUID}; {@code Date32} a {@code LocalDate}; {@code Time64(6)} a {@code Long} of
 * microseconds since midnight; {@code DateTime64(p, 'UTC')} an {@code Instant}; PostgreSQL's {@code
 * infinity} and {@code -infinity} are {@code LocalDate.MAX}/{@code MIN} and {@code
 * Instant.MAX}/{@code MIN}; {@code Tuple(... Float64)} a {@code double[]}; {@code Array(T)} a
 * {@code List} of element values (elements may be null). Any value may be null, and {@link
 * Unavailable#VALUE} for an unchanged TOASTed value.
 */
public final class EventSchema {
  /**
   * One column: source name, the ClickHouse type it maps to (null for a column the sink leaves out:
   * its values are always null), whether it may be null.
   */
  public record Field(String name, String clickhouseType, boolean optional) {
    public boolean skipped() {
      return clickhouseType == null;
    }
  }

  private final List<Field> fields;
  private final String[] names;
  private final Map<String, Integer> positions = new HashMap<>();
  private final ColumnReader[] readers;

  public EventSchema(List<Field> fields) {
    this(fields, null);
  }

  EventSchema(List<Field> fields, ColumnReader[] readers) {
    this.fields = List.copyOf(fields);
    this.readers = readers;
    this.names = new String[this.fields.size()];
    for (int i = 0; i < names.length; i++) {
      // Jackson interns field names: the decoder matches them by identity first
      names[i] = this.fields.get(i).name().intern();
      positions.put(names[i], i);
    }
  }

  public List<Field> fields() {
    return fields;
  }

  /** Position of a field, or -1. */
  public int indexOf(String name) {
    Integer i = positions.get(name);
    return i == null ? -1 : i;
  }

  String name(int position) {
    return names[position];
  }

  ColumnReader reader(int position) {
    return readers[position];
  }

  boolean decodable() {
    return readers != null;
  }
}
