package io.kubecdc.sink.encode;

import io.kubecdc.contract.types.OutOfRange;
import io.kubecdc.contract.types.TemporalRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a ClickHouse type string ({@code Nullable(Decimal(12, 2))}, {@code DateTime64(6,
 * 'UTC')}, {@code Array(LowCardinality(Nullable(String)))}) into its RowBinary writer.
 */
final class WriterCompiler {
  private WriterCompiler() {}

  /** For tests: date and time values out of range are clamped, uncounted. */
  static ColumnWriter compile(String column, String type) {
    return compile(column, type, OutOfRange.CLAMP, new RangeGuard.Counter());
  }

  /**
   * @param outOfRange what a Date32/DateTime64 column does with values it cannot hold
   * @param counter counts the values so replaced
   * @throws IllegalArgumentException for a type the sink cannot write
   */
  static ColumnWriter compile(
      String column, String type, OutOfRange outOfRange, RangeGuard.Counter counter) {
    return compile(new Scope(column, outOfRange, counter), type);
  }

  /** What every writer of one column shares. */
  private record Scope(String column, OutOfRange outOfRange, RangeGuard.Counter counter) {}

  private static ColumnWriter compile(Scope scope, String type) {
    String column = scope.column();
    String t = type.trim();
    int open = t.indexOf('(');
    String name = open < 0 ? t : t.substring(0, open).trim();
    List<String> args = open < 0 ? List.of() : arguments(t, open);
    switch (name) {
      case "Nullable":
        ColumnWriter inner = compile(scope, one(column, t, args));
        if (inner instanceof RangeGuard guard) {
          // the guard decides NULL before the Nullable flag is written
          return guard.around(new ColumnWriter.Nullable(guard.delegate()));
        }
        return new ColumnWriter.Nullable(inner);
      case "LowCardinality":
        // RowBinary writes LowCardinality(T) as T
        return compile(scope, one(column, t, args));
      case "Array":
        return new ColumnWriter.Array(compile(scope, one(column, t, args)));
      case "Tuple":
        ColumnWriter[] elements = new ColumnWriter[args.size()];
        for (int i = 0; i < elements.length; i++) {
          String element = args.get(i);
          // named elements: "x Float64"
          int space = element.indexOf(' ');
          elements[i] = compile(scope, space < 0 ? element : element.substring(space + 1));
        }
        return new TupleWriter(column, t, elements);
      case "Decimal":
        return new DecimalWriter(
            column, t, integer(args, 0, column, t), integer(args, 1, column, t));
      case "Decimal32", "Decimal64", "Decimal128", "Decimal256":
        int p =
            switch (name) {
              case "Decimal32" -> 9;
              case "Decimal64" -> 18;
              case "Decimal128" -> 38;
              default -> 76;
            };
        return new DecimalWriter(column, t, p, integer(args, 0, column, t));
      case "String":
        return new TextWriters.Str(column, t);
      case "UUID":
        return new TextWriters.Uuid(column, t);
      case "Bool", "Boolean":
        return new NumberWriters.Bool(column, t);
      case "Float32":
        return new NumberWriters.Float32(column, t);
      case "Float64":
        return new NumberWriters.Float64(column, t);
      case "Int8":
        return new NumberWriters.Fixed(column, t, 1, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case "Int16":
        return new NumberWriters.Fixed(column, t, 2, Short.MIN_VALUE, Short.MAX_VALUE);
      case "Int32":
        return new NumberWriters.Fixed(column, t, 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "Int64":
        return new NumberWriters.Fixed(column, t, 8, Long.MIN_VALUE, Long.MAX_VALUE);
      case "UInt8":
        return new NumberWriters.Fixed(column, t, 1, 0, 0xFF);
      case "UInt16":
        return new NumberWriters.Fixed(column, t, 2, 0, 0xFFFF);
      case "UInt32":
        return new NumberWriters.Fixed(column, t, 4, 0, 0xFFFF_FFFFL);
      case "UInt64":
        return new NumberWriters.Wide(column, t, 8, false);
      case "Int128", "Int256", "UInt128", "UInt256":
        int bits = Integer.parseInt(name.substring(name.length() - 3));
        return new NumberWriters.Wide(column, t, bits / 8, name.startsWith("Int"));
      case "Date":
        return RangeGuard.days(
            new TemporalWriters.Days(column, t, false),
            LocalDate.EPOCH,
            LocalDate.of(2149, 6, 6),
            scope.outOfRange(),
            scope.counter());
      case "Date32":
        return RangeGuard.days(
            new TemporalWriters.Days(column, t, true),
            TemporalRange.DATE32_MIN,
            TemporalRange.DATE32_MAX,
            scope.outOfRange(),
            scope.counter());
      case "DateTime":
        return new TemporalWriters.Ticks(column, t, 0, true);
      case "DateTime64":
        int precision = integer(args, 0, column, t);
        return RangeGuard.ticks(
            new TemporalWriters.Ticks(column, t, precision, false),
            precision,
            scope.outOfRange(),
            scope.counter());
      case "Time":
        return new TemporalWriters.TimeOfDay(column, t, 0, true);
      case "Time64":
        return new TemporalWriters.TimeOfDay(column, t, integer(args, 0, column, t), false);
      default:
        throw new IllegalArgumentException("column " + column + ": unsupported type " + t);
    }
  }

  /** The top-level comma-separated arguments of {@code Name(...)}. */
  private static List<String> arguments(String t, int open) {
    if (!t.endsWith(")")) {
      throw new IllegalArgumentException("malformed type " + t);
    }
    List<String> args = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int from = open + 1;
    for (int i = from; i < t.length() - 1; i++) {
      char c = t.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && c == ',') {
        args.add(t.substring(from, i).trim());
        from = i + 1;
      }
    }
    args.add(t.substring(from, t.length() - 1).trim());
    return args;
  }

  private static String one(String column, String t, List<String> args) {
    if (args.size() != 1) {
      throw new IllegalArgumentException("column " + column + ": malformed type " + t);
    }
    return args.get(0);
  }

  private static int integer(List<String> args, int i, String column, String t) {
    try {
      return Integer.parseInt(args.get(i));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("column " + column + ": malformed type " + t, e);
    }
  }
}
