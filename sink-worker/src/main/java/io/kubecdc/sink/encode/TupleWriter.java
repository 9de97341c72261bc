package io.kubecdc.sink.encode;

/**
 * {@code Tuple(x Float64, y Float64)} and other tuples of (Nullable) Float64, the form of
 * PostgreSQL's point, line and circle: the elements in order. A NULL value, where the elements are
 * Nullable, is every element NULL (ClickHouse does not allow a Nullable tuple by default).
 */
final class TupleWriter extends ColumnWriter {
  private final ColumnWriter[] elements;

  TupleWriter(String column, String type, ColumnWriter[] elements) {
    super(column, type);
    this.elements = elements;
  }

  @Override
  void writeValue(Object value, RowBuffer out) throws EncodeException {
    if (!(value instanceof double[] numbers)) {
      throw unsupported(value);
    }
    if (numbers.length != elements.length) {
      throw fail(numbers.length + " numbers for " + elements.length + " elements");
    }
    for (int i = 0; i < numbers.length; i++) {
      elements[i].write(numbers[i], out);
    }
  }

  @Override
  void writeNull(RowBuffer out) throws EncodeException {
    for (ColumnWriter e : elements) {
      e.writeNull(out);
    }
  }

  @Override
  void writeDefault(RowBuffer out) {
    for (ColumnWriter e : elements) {
      e.writeDefault(out);
    }
  }
}
