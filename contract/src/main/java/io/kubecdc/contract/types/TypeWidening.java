package io.kubecdc.contract.types;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which source type changes ClickHouse can follow in place. When a PostgreSQL column changes type,
 * its mapped ClickHouse type changes; {@link #target} says what the ClickHouse column must become
 * so that it holds every value of both types exactly, or that no such type is a plain widening. The
 * sink-worker applies a widening (it sees the new type in the events first, and it is the one
 * writer whose encoders must switch at the same row as the column); the operator reads the same
 * rule to report a change as pending or as incompatible. Both therefore agree on every column.
 *
 * <p>Widenings: Int8 &lt; Int16 &lt; Int32 &lt; Int64 (smallint to integer to bigint), Float32 to
 * Float64 (real to double precision), Decimal to a Decimal with at least as many integer and
 * fraction digits (numeric precision or scale up), DateTime64 to a higher precision (timestamp(3)
 * to timestamp(6)), T to Nullable(T) (NOT NULL dropped), and the same inside Nullable,
 * LowCardinality and Array. varchar(n) to text or a larger n maps to String both times: no change.
 * Anything else (int to text, text to int, bigint to integer, a precision down) is not a widening:
 * the values of one type do not all fit the other.
 */
public final class TypeWidening {
  private static final List<String> INTS = List.of("Int8", "Int16", "Int32", "Int64");
  private static final List<String> FLOATS = List.of("Float32", "Float64");
  private static final Pattern DECIMAL = Pattern.compile("Decimal\\((\\d+), ?(\\d+)\\)");
  private static final Pattern DATETIME64 = Pattern.compile("DateTime64\\((\\d), ?('[^']*')\\)");
  private static final int MAX_DECIMAL_PRECISION = 76;

  private TypeWidening() {}

  /** What a column of type {@code current} sees when the source now maps to {@code wanted}. */
  public enum Change {
    /** The column holds every value of the new type as it is (same type, or already wider). */
    NONE,
    /** {@code ALTER TABLE ... MODIFY COLUMN} to {@link #target} makes it hold them exactly. */
    WIDEN,
    /** No type holds the values of both exactly: the table needs a rebuild. */
    INCOMPATIBLE
  }

  /** The change, judged by {@link #target}. */
  public static Change classify(String current, String wanted) {
    return target(current, wanted)
        .map(t -> t.equals(current) ? Change.NONE : Change.WIDEN)
        .orElse(Change.INCOMPATIBLE);
  }

  /**
   * The narrowest type that holds every value of {@code current} and of {@code wanted} exactly,
   * when one of the widenings above leads there; empty otherwise.
   */
  public static Optional<String> target(String current, String wanted) {
    if (current.equals(wanted)) {
      return Optional.of(current);
    }
    String a = unwrap(current, "Nullable(");
    String b = unwrap(wanted, "Nullable(");
    if (a != null || b != null) {
      return target(a != null ? a : current, b != null ? b : wanted)
          .map(t -> t.startsWith("Nullable(") ? t : ClickHouseTypes.nullable(t));
    }
    for (String wrapper : List.of("LowCardinality(", "Array(")) {
      a = unwrap(current, wrapper);
      b = unwrap(wanted, wrapper);
      if (a != null && b != null) {
        return target(a, b).map(t -> wrapper + t + ")");
      }
    }
    return ranked(INTS, current, wanted)
        .or(() -> ranked(FLOATS, current, wanted))
        .or(() -> decimal(current, wanted))
        .or(() -> dateTime64(current, wanted));
  }

  private static String unwrap(String type, String wrapper) {
    return type.startsWith(wrapper) && type.endsWith(")")
        ? type.substring(wrapper.length(), type.length() - 1)
        : null;
  }

  private static Optional<String> ranked(List<String> order, String a, String b) {
    int i = order.indexOf(a);
    int j = order.indexOf(b);
    return i < 0 || j < 0 ? Optional.empty() : Optional.of(order.get(Math.max(i, j)));
  }

  private static Optional<String> decimal(String a, String b) {
    Matcher x = DECIMAL.matcher(a);
    Matcher y = DECIMAL.matcher(b);
    if (!x.matches() || !y.matches()) {
      return Optional.empty();
    }
    int p1 = Integer.parseInt(x.group(1));
    int s1 = Integer.parseInt(x.group(2));
    int p2 = Integer.parseInt(y.group(1));
    int s2 = Integer.parseInt(y.group(2));
    int scale = Math.max(s1, s2);
    int precision = Math.max(p1 - s1, p2 - s2) + scale;
    return precision > MAX_DECIMAL_PRECISION
        ? Optional.empty()
        : Optional.of("Decimal(" + precision + ", " + scale + ")");
  }

  private static Optional<String> dateTime64(String a, String b) {
    Matcher x = DATETIME64.matcher(a);
    Matcher y = DATETIME64.matcher(b);
    if (!x.matches() || !y.matches() || !x.group(2).equals(y.group(2))) {
      return Optional.empty();
    }
    int p = Math.max(Integer.parseInt(x.group(1)), Integer.parseInt(y.group(1)));
    return Optional.of("DateTime64(" + p + ", " + x.group(2) + ")");
  }
}
