package io.kubecdc.sink.pipeline;

import io.kubecdc.contract.types.TypeWidening;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which columns of a table must widen for the rows of an event schema: a source column whose type
 * changed to one that {@link TypeWidening} can follow in place (int to bigint, numeric precision
 * up, NOT NULL dropped, ...). The worker applies these, not the operator, because it is the only
 * writer and its encoders follow the layout: it flushes the rows of the old type, alters the column
 * and encodes the next row with the new type, so no insert ever meets a column type it was not
 * encoded for. Key columns are never altered (ClickHouse refuses to alter a sorting key column);
 * their values and those of an incompatible change are written as before, and a value that does not
 * fit goes to the dead-letter topic. Judged once per event schema; not thread-safe.
 */
final class ColumnWidening {
  private static final Logger log = LoggerFactory.getLogger(ColumnWidening.class);

  private final String label;
  private final Map<EventSchema, List<ColumnSpec>> judged = new IdentityHashMap<>();
  private final Set<String> reported = new HashSet<>();
  private TableLayout layout;

  ColumnWidening(String label) {
    this.label = label;
  }

  /** The columns of {@code layout} to change to a wider type for rows of {@code schema}. */
  List<ColumnSpec> of(EventSchema schema, TableLayout layout) {
    if (layout != this.layout) {
      judged.clear();
      this.layout = layout;
    }
    List<ColumnSpec> out = judged.get(schema);
    if (out == null) {
      out = judge(schema, layout);
      if (judged.size() > 256) {
        judged.clear();
      }
      judged.put(schema, out);
    }
    return out;
  }

  /** A widening ClickHouse refused: the column keeps its type from now on. */
  void refused(List<ColumnSpec> columns) {
    columns.forEach(c -> reported.add(c.name() + ' ' + c.type()));
    judged.clear();
  }

  private List<ColumnSpec> judge(EventSchema schema, TableLayout layout) {
    List<ColumnSpec> out = new ArrayList<>();
    for (EventSchema.Field f : schema.fields()) {
      int i = layout.indexOf(f.name());
      if (f.skipped() || i < 0) {
        continue;
      }
      ColumnSpec current = layout.columns().get(i);
      String wanted = f.clickhouseType();
      var target = TypeWidening.target(current.type(), wanted);
      boolean key = layout.keyColumns().contains(f.name());
      if (target.isPresent() && target.get().equals(current.type())) {
        continue;
      }
      String seen = f.name() + ' ' + target.orElse(wanted);
      if (target.isPresent() && !key && !reported.contains(seen)) {
        out.add(new ColumnSpec(f.name(), target.get(), current.outOfRange()));
      } else if (reported.add(seen)) {
        log.warn(
            "event=incompatible_schema_change table={} column={} from=\"{}\" to=\"{}\" key={}"
                + " action=\"values written as before; a value that does not fit is dead-lettered\"",
            label,
            f.name(),
            current.type(),
            wanted,
            key);
      }
    }
    return List.copyOf(out);
  }
}
