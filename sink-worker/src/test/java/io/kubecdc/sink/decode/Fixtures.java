package io.kubecdc.sink.decode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Real Debezium events captured by {@link DebeziumEventsIT} under {@code events/}. */
public final class Fixtures {
  private Fixtures() {}

  public static byte[] event(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ChangeEvent.Row row(String name) {
    try {
      return (ChangeEvent.Row) new EventDecoder().decode(event(name));
    } catch (DecodeException e) {
      throw new AssertionError(e);
    }
  }

  /** The value of a column of a decoded row. */
  public static Object value(ChangeEvent.Row row, String column) {
    int i = row.schema().indexOf(column);
    if (i < 0) {
      throw new AssertionError("no column " + column);
    }
    return row.values()[i];
  }
}
