package io.kubecdc.sink.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Turns the Connect schema of a Debezium envelope into the {@link EventSchema} of its rows. */
final class SchemaParser {
  private SchemaParser() {}

  static EventSchema parse(JsonNode envelope) throws DecodeException {
    if (envelope == null || !envelope.isObject()) {
      throw new DecodeException("record has no schema (schemas.enable must be true)");
    }
    JsonNode row = null;
    boolean hasOp = false;
    for (JsonNode f : envelope.path("fields")) {
      String name = f.path("field").asText();
      if ("after".equals(name) || ("before".equals(name) && row == null)) {
        row = f;
      }
      hasOp |= "op".equals(name);
    }
    if (!"struct".equals(envelope.path("type").asText()) || row == null || !hasOp) {
      throw new DecodeException(
          "not a Debezium change event envelope: schema " + envelope.path("name").asText("?"));
    }
    List<EventSchema.Field> fields = new ArrayList<>();
    List<ColumnReader> readers = new ArrayList<>();
    for (JsonNode column : row.path("fields")) {
      String name = column.path("field").asText();
      TypeMapper.Mapped mapped = TypeMapper.mapOrSkip(name, column);
      fields.add(TypeMapper.field(name, column, mapped));
      readers.add(mapped.reader());
    }
    if (fields.isEmpty()) {
      throw new DecodeException("row schema " + row.path("name").asText("?") + " has no columns");
    }
    return new EventSchema(fields, readers.toArray(new ColumnReader[0]));
  }
}
