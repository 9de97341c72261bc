package io.kubecdc.sink.fakes;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.kafka.SourceRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds rows for tests: {@code Rows.upsert(7, "id", 1L, "name", "x")}. */
public final class Rows {
  private Rows() {}

  public static ChangeEvent.Row upsert(long version, Object... namesAndValues) {
    return row(ChangeEvent.Op.UPDATE, version, namesAndValues);
  }

  public static ChangeEvent.Row row(ChangeEvent.Op op, long version, Object... namesAndValues) {
    List<EventSchema.Field> fields = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      String type = value instanceof Long ? "Int64" : "Nullable(String)";
      fields.add(new EventSchema.Field(name, type, !(value instanceof Long)));
      values.add(value);
    }
    return new ChangeEvent.Row(
        op, version, 1_000 + version, new EventSchema(fields), values.toArray());
  }

  public static SourceRef ref(long offset) {
    return new SourceRef(
        "t", 0, offset, null, ("v" + offset).getBytes(StandardCharsets.UTF_8), true);
  }
}
