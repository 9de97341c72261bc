package io.kubecdc.sink.decode;

import java.util.List;

/**
 * The columns of a row event as its Connect schema describes them, with the ClickHouse type each
 * maps to. Decoded once per distinct schema and shared by all events that carry it.
 *
 * <p>STUB: the decoder work fills this in; the API below is the contract with the runtime.
 */
public final class EventSchema {
  /** One column: source name, the ClickHouse type it maps to, whether it may be null. */
  public record Field(String name, String clickhouseType, boolean optional) {}

  private final List<Field> fields;

  public EventSchema(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  public List<Field> fields() {
    return fields;
  }
}
