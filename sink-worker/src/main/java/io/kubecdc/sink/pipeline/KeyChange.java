package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.decode.ChangeEvent.Op;
import io.kubecdc.sink.decode.ChangeEvent.Row;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.decode.Unavailable;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;
import java.util.Objects;

/**
 * An update that changes the key columns of a table without a primary key (REPLICA IDENTITY FULL,
 * key columns from the worker's config). Debezium splits a primary key change into a delete of the
 * old key and a create of the new one; here the key is the worker's, so Debezium sends one update
 * with both images, and written as it comes the row under the old key would stay live. It becomes
 * what Debezium does for a primary key: a delete of the {@code before} image, then the {@code
 * after} image, both at the update's version.
 */
final class KeyChange {
  private KeyChange() {}

  /** The rows to write for {@code row}: the row itself unless it moves to another key. */
  static List<Row> split(TableLayout layout, Row row) {
    if (row.op() != Op.UPDATE || row.before() == null || sameKey(layout, row)) {
      return List.of(row);
    }
    Row delete =
        new Row(Op.DELETE, row.version(), row.sourceTsMillis(), row.schema(), row.before());
    return List.of(delete, withUnchangedFromBefore(row));
  }

  private static boolean sameKey(TableLayout layout, Row row) {
    List<EventSchema.Field> fields = row.schema().fields();
    for (int i = 0; i < fields.size(); i++) {
      if (layout.keyColumns().contains(fields.get(i).name())
          && !Objects.deepEquals(row.values()[i], row.before()[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * An unchanged TOASTed value of the moved row cannot be looked up under its new key, but the full
   * before image holds it.
   */
  private static Row withUnchangedFromBefore(Row row) {
    Object[] values = row.values().clone();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == Unavailable.VALUE && row.before()[i] != Unavailable.VALUE) {
        values[i] = row.before()[i];
      }
    }
    return new Row(row.op(), row.version(), row.sourceTsMillis(), row.schema(), values);
  }
}
