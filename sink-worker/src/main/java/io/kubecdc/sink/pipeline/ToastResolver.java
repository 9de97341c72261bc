package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.SqlLiterals;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.ChangeEvent.Row;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.decode.Unavailable;
import io.kubecdc.sink.kafka.SourceRef;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@link Unavailable#VALUE} (an unchanged TOASTed column the source did not send) to the
 * current value of that column for the row's key. Such rows wait for the flush of their table: the
 * other pending rows are inserted first, then the current values of all waiting keys are read from
 * ClickHouse with one {@code SELECT ... FINAL} (chunked), and the waiting rows are completed and
 * inserted. Reading after the insert sees every earlier row of the key, including those of the same
 * batch, without remembering pending rows in memory. A row of the key that is newer than a waiting
 * row may lend it its value; the waiting row is then superseded by that newer row, so the table's
 * visible state is still right. Waiting rows of one key resolve in arrival order, each from its
 * predecessor. If no previous row exists at all, the column is left out of the row (the encoder
 * writes NULL or the type's default). That is a real loss only if the row is still live at the end
 * of the batch ({@code source="missing"}, logged at WARN by the listener); when a later event of
 * the same batch deletes the key, nothing visible is lost ({@code source="missing_deleted"},
 * counted only): the delete supersedes the incomplete row.
 */
final class ToastResolver {
  /** A waiting row; {@code liveAtEnd} is false when a later row of the batch deletes its key. */
  record Deferred(Row row, SourceRef ref, boolean liveAtEnd) {}

  private final String label;
  private final ToastLookup lookup;
  private final ToastListener listener;
  private final List<Deferred> deferred = new ArrayList<>();
  private final Map<List<String>, Boolean> liveAtEnd = new HashMap<>();

  /** Reads the current values of some columns for some keys. */
  interface ToastLookup {
    Map<List<String>, Map<String, Object>> current(
        TableLayout layout, Set<String> columns, Set<List<String>> keys);
  }

  /** Told where each resolved value came from: clickhouse, missing or missing_deleted. */
  interface ToastListener {
    void resolved(String source, Row row, String column);
  }

  ToastResolver(String label, ToastLookup lookup, ToastListener listener) {
    this.label = label;
    this.lookup = lookup;
    this.listener = listener;
  }

  static boolean needsResolution(Row row) {
    for (Object v : row.values()) {
      if (v == Unavailable.VALUE) {
        return true;
      }
    }
    return false;
  }

  /** Holds a row until the flush. */
  void defer(TableLayout layout, Row row, SourceRef ref) {
    deferred.add(new Deferred(row, ref, true));
    liveAtEnd.put(key(layout, row), true);
  }

  /** Sees a row of the batch that does not wait: does it delete (or revive) a waiting key? */
  void observe(TableLayout layout, Row row) {
    if (!liveAtEnd.isEmpty()) {
      liveAtEnd.computeIfPresent(key(layout, row), (k, live) -> row.op() != ChangeEvent.Op.DELETE);
    }
  }

  int deferredCount() {
    return deferred.size();
  }

  boolean hasDeferred() {
    return !deferred.isEmpty();
  }

  /** The waiting rows, handed over to a flush; the resolver forgets them. */
  List<Deferred> takeDeferred(TableLayout layout) {
    List<Deferred> taken = new ArrayList<>();
    for (Deferred d : deferred) {
      taken.add(new Deferred(d.row(), d.ref(), liveAtEnd.get(key(layout, d.row()))));
    }
    deferred.clear();
    liveAtEnd.clear();
    return taken;
  }

  /** Resolves waiting rows with one lookup, in arrival order. */
  List<Deferred> resolve(TableLayout layout, List<Deferred> deferred) {
    if (deferred.isEmpty()) {
      return List.of();
    }
    Set<String> columns = new LinkedHashSet<>();
    Set<List<String>> keys = new LinkedHashSet<>();
    for (Deferred d : deferred) {
      keys.add(key(layout, d.row()));
      List<EventSchema.Field> fields = d.row().schema().fields();
      for (int i = 0; i < fields.size(); i++) {
        if (d.row().values()[i] == Unavailable.VALUE) {
          columns.add(fields.get(i).name());
        }
      }
    }
    Map<List<String>, Map<String, Object>> current =
        new HashMap<>(lookup.current(layout, columns, keys));
    List<Deferred> resolved = new ArrayList<>();
    for (Deferred d : deferred) {
      List<String> key = key(layout, d.row());
      Row row = fill(d.row(), current.get(key), d.liveAtEnd() ? "missing" : "missing_deleted");
      Map<String, Object> next = new HashMap<>(current.getOrDefault(key, Map.of()));
      List<EventSchema.Field> fields = row.schema().fields();
      for (int i = 0; i < fields.size(); i++) {
        next.put(fields.get(i).name(), row.values()[i]);
      }
      current.put(key, next);
      resolved.add(new Deferred(row, d.ref(), d.liveAtEnd()));
    }
    return resolved;
  }

  void clear() {
    deferred.clear();
    liveAtEnd.clear();
  }

  private Row fill(Row row, Map<String, Object> known, String missing) {
    List<EventSchema.Field> fields = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<EventSchema.Field> in = row.schema().fields();
    for (int i = 0; i < in.size(); i++) {
      Object v = row.values()[i];
      String name = in.get(i).name();
      if (v == Unavailable.VALUE) {
        if (known == null || !known.containsKey(name)) {
          listener.resolved(missing, row, name);
          continue; // left out: the encoder writes NULL or the default
        }
        v = known.get(name);
        listener.resolved("clickhouse", row, name);
      }
      fields.add(in.get(i));
      values.add(v);
    }
    return new Row(
        row.op(), row.version(), row.sourceTsMillis(), new EventSchema(fields), values.toArray());
  }

  /** The row's key as SQL literals, in key column order. */
  static List<String> key(TableLayout layout, Row row) {
    List<String> key = new ArrayList<>();
    List<EventSchema.Field> fields = row.schema().fields();
    for (String column : layout.keyColumns()) {
      Object value = null;
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name().equals(column)) {
          value = row.values()[i];
        }
      }
      key.add(SqlLiterals.literal(value));
    }
    return key;
  }

  String label() {
    return label;
  }
}
