package io.kubecdc.sink.encode;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.decode.Unavailable;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending rows of one table, encoded as ClickHouse RowBinary in the layout's column order (data
 * columns, then {@code _version}, {@code _deleted}). Writers are compiled once from the layout's
 * types; rows are appended into one growable buffer with their start offsets. Not thread-safe.
 */
public final class RowBinaryBatch {
  private final TableLayout layout;
  private final ColumnWriter[] writers;
  private final RowBuffer buffer = new RowBuffer(1 << 16);
  private final Map<EventSchema, int[]> mappings = new IdentityHashMap<>();
  private final RangeGuard.Counter outOfRange = new RangeGuard.Counter();
  private int[] rowStarts = new int[1024];
  private int rows;
  private EventSchema lastSchema;
  private int[] lastMapping;

  /**
   * @throws IllegalArgumentException if a layout column has a type the sink cannot write
   */
  public RowBinaryBatch(TableLayout layout) {
    this.layout = layout;
    this.writers = new ColumnWriter[layout.columns().size()];
    for (int i = 0; i < writers.length; i++) {
      ColumnSpec c = layout.columns().get(i);
      writers[i] = WriterCompiler.compile(c.name(), c.type(), c.outOfRange(), outOfRange);
    }
  }

  public TableLayout layout() {
    return layout;
  }

  /** The columns the row carries that the layout lacks, with their ClickHouse types. */
  public List<ColumnSpec> missingColumns(ChangeEvent.Row row) {
    EventSchema schema = row.schema();
    // a schema already mapped onto the layout lacks nothing: no per-row scan on the hot path
    if (schema == lastSchema || mappings.containsKey(schema)) {
      return List.of();
    }
    return missingColumnsOf(schema);
  }

  /**
   * Appends one row: columns by name, a layout column the event lacks gets NULL (or the type's
   * default when not Nullable), then the row's version and the delete flag. On an exception nothing
   * is appended. The row must not hold {@link io.kubecdc.sink.decode.Unavailable} values nor
   * columns the layout lacks. In a delete, a NULL in a column that is not Nullable gets the
   * column's default: beyond the key, a delete's image is not data.
   *
   * @throws EncodeException if a value does not fit its column exactly
   * @throws IllegalArgumentException if the row breaks the contract above
   */
  public void append(ChangeEvent.Row row) throws EncodeException {
    int[] columns = mapping(row.schema());
    Object[] values = row.values();
    for (Object v : values) {
      if (v == Unavailable.VALUE) {
        throw new IllegalArgumentException(
            "row for " + layout.qualifiedName() + " holds an unresolved TOAST placeholder");
      }
    }
    // a delete's image beyond the key is not data: a NULL there gets the column's default
    boolean delete = row.op() == ChangeEvent.Op.DELETE;
    int start = buffer.position;
    try {
      for (int c = 0; c < writers.length; c++) {
        int f = columns[c];
        if (f < 0 || (delete && values[f] == null)) {
          writers[c].writeDefault(buffer);
        } else {
          writers[c].write(values[f], buffer);
        }
      }
      buffer.writeLong(row.version());
      buffer.writeByte(delete ? 1 : 0);
    } catch (EncodeException | RuntimeException e) {
      buffer.position = start;
      throw e;
    }
    if (rows == rowStarts.length) {
      rowStarts = Arrays.copyOf(rowStarts, rows * 2);
    }
    rowStarts[rows++] = start;
  }

  /** For each layout column, the position of the event field that fills it, or -1. */
  private int[] mapping(EventSchema schema) {
    if (schema == lastSchema) {
      return lastMapping;
    }
    int[] m = mappings.get(schema);
    if (m == null) {
      List<ColumnSpec> missing = missingColumnsOf(schema);
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            layout.qualifiedName() + " lacks columns " + missing + ": add them first");
      }
      m = new int[writers.length];
      for (int c = 0; c < m.length; c++) {
        m[c] = schema.indexOf(layout.columns().get(c).name());
      }
      if (mappings.size() > 256) {
        mappings.clear();
      }
      mappings.put(schema, m);
    }
    lastSchema = schema;
    lastMapping = m;
    return m;
  }

  private List<ColumnSpec> missingColumnsOf(EventSchema schema) {
    List<ColumnSpec> missing = new ArrayList<>();
    for (EventSchema.Field f : schema.fields()) {
      if (!f.skipped() && layout.indexOf(f.name()) < 0) {
        missing.add(new ColumnSpec(f.name(), f.clickhouseType()));
      }
    }
    return missing;
  }

  /**
   * Date and time values changed (clamped or nulled, see {@link
   * io.kubecdc.contract.types.OutOfRange}) since the last call, for the per-table counter.
   */
  public long takeOutOfRange() {
    return outOfRange.take();
  }

  public int rowCount() {
    return rows;
  }

  public long byteSize() {
    return buffer.position;
  }

  /** Writes the RowBinary of rows {@code [fromRow, toRow)}, for inserting or bisecting a batch. */
  public void writeTo(OutputStream out, int fromRow, int toRow) throws IOException {
    if (fromRow < 0 || toRow > rows || fromRow > toRow) {
      throw new IndexOutOfBoundsException(
          "rows [" + fromRow + ", " + toRow + ") of a batch of " + rows);
    }
    if (fromRow == toRow) {
      return;
    }
    int from = rowStarts[fromRow];
    int to = toRow == rows ? buffer.position : rowStarts[toRow];
    out.write(buffer.bytes, from, to - from);
  }

  public void clear() {
    rows = 0;
    buffer.position = 0;
  }
}
