package io.kubecdc.sink.encode;

import java.util.List;

/**
 * Writes the values of one column, of one ClickHouse type, as RowBinary. Compiled once per column
 * from the type string by {@link WriterCompiler}.
 */
abstract class ColumnWriter {
  final String column;
  final String type;

  ColumnWriter(String column, String type) {
    this.column = column;
    this.type = type;
  }

  final void write(Object value, RowBuffer out) throws EncodeException {
    if (value == null) {
      writeNull(out);
    } else {
      writeValue(value, out);
    }
  }

  /** Writes a non-null value. */
  abstract void writeValue(Object value, RowBuffer out) throws EncodeException;

  /** The type's default, for a column the event lacks. */
  abstract void writeDefault(RowBuffer out);

  void writeNull(RowBuffer out) throws EncodeException {
    throw fail("NULL in a column that is not Nullable");
  }

  EncodeException fail(String why) {
    return new EncodeException("column " + column + " " + type + ": " + why);
  }

  EncodeException unsupported(Object value) {
    return fail("cannot write a " + value.getClass().getSimpleName());
  }

  /** {@code Nullable(T)}: a null flag byte, then T. */
  static final class Nullable extends ColumnWriter {
    private final ColumnWriter inner;

    Nullable(ColumnWriter inner) {
      super(inner.column, "Nullable(" + inner.type + ")");
      this.inner = inner;
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      out.writeByte(0);
      inner.writeValue(value, out);
    }

    @Override
    void writeNull(RowBuffer out) {
      out.writeByte(1);
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeByte(1);
    }
  }

  /** {@code Array(T)}: LEB128 count, then the elements; NULL is written as an empty array. */
  static final class Array extends ColumnWriter {
    private final ColumnWriter items;

    Array(ColumnWriter items) {
      super(items.column, "Array(" + items.type + ")");
      this.items = items;
    }

    @Override
    void writeValue(Object value, RowBuffer out) throws EncodeException {
      if (!(value instanceof List<?> list)) {
        throw unsupported(value);
      }
      int n = list.size();
      out.writeVarUInt(n);
      for (int i = 0; i < n; i++) {
        items.write(list.get(i), out);
      }
    }

    @Override
    void writeNull(RowBuffer out) {
      out.writeVarUInt(0);
    }

    @Override
    void writeDefault(RowBuffer out) {
      out.writeVarUInt(0);
    }
  }
}
