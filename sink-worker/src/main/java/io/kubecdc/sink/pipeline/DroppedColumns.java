package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Leaves the source columns that no longer exist out of the events that still carry them: a
 * generation rebuilt from the topics after a column was dropped or renamed reads events from before
 * the change, and must not add the old column back. The projected schema is made once per event
 * schema (the batch maps schemas by identity).
 */
final class DroppedColumns {
  private final Set<String> names;
  private final Map<EventSchema, Projection> projections = new IdentityHashMap<>();

  private record Projection(EventSchema schema, int[] kept) {}

  DroppedColumns(List<String> names) {
    this.names = Set.copyOf(names);
  }

  ChangeEvent.Row leftOut(ChangeEvent.Row row) {
    if (names.isEmpty()) {
      return row;
    }
    Projection p = projections.computeIfAbsent(row.schema(), this::project);
    if (p == null) {
      return row;
    }
    return new ChangeEvent.Row(
        row.op(),
        row.version(),
        row.sourceTsMillis(),
        p.schema(),
        pick(row.values(), p.kept()),
        row.before() == null ? null : pick(row.before(), p.kept()));
  }

  /** The schema without the dropped fields, or null (not cached) when it has none of them. */
  private Projection project(EventSchema schema) {
    List<EventSchema.Field> fields = schema.fields();
    List<EventSchema.Field> keptFields = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (!names.contains(fields.get(i).name())) {
        keptFields.add(fields.get(i));
        kept.add(i);
      }
    }
    if (kept.size() == fields.size()) {
      return null;
    }
    if (projections.size() > 256) {
      projections.clear();
    }
    return new Projection(
        new EventSchema(keptFields), kept.stream().mapToInt(Integer::intValue).toArray());
  }

  private static Object[] pick(Object[] values, int[] kept) {
    Object[] out = new Object[kept.length];
    for (int i = 0; i < kept.length; i++) {
      out[i] = values[kept[i]];
    }
    return out;
  }
}
