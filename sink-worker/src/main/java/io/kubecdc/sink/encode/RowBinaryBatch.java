package io.kubecdc.sink.encode;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The pending rows of one table, encoded as ClickHouse RowBinary in the layout's column order (data
 * columns, then {@code _version}, {@code _deleted}). Not thread-safe.
 *
 * <p>STUB: the encoder work replaces the bodies; the API is the contract with the runtime.
 */
public final class RowBinaryBatch {
  private final TableLayout layout;

  public RowBinaryBatch(TableLayout layout) {
    this.layout = layout;
  }

  public TableLayout layout() {
    return layout;
  }

  /** The columns the row carries that the layout lacks, with their ClickHouse types. */
  public List<ColumnSpec> missingColumns(ChangeEvent.Row row) {
    throw new UnsupportedOperationException("encoder not written yet");
  }

  /**
   * Appends one row: columns by name, a layout column the event lacks gets NULL (or the type's
   * default when not Nullable), then the row's version and the delete flag. On an exception nothing
   * is appended. The row must not hold {@link io.kubecdc.sink.decode.Unavailable} values nor
   * columns the layout lacks.
   */
  public void append(ChangeEvent.Row row) throws EncodeException {
    throw new UnsupportedOperationException("encoder not written yet");
  }

  public int rowCount() {
    throw new UnsupportedOperationException("encoder not written yet");
  }

  public long byteSize() {
    throw new UnsupportedOperationException("encoder not written yet");
  }

  /** Writes the RowBinary of rows {@code [fromRow, toRow)}, for inserting or bisecting a batch. */
  public void writeTo(OutputStream out, int fromRow, int toRow) throws IOException {
    throw new UnsupportedOperationException("encoder not written yet");
  }

  public void clear() {
    throw new UnsupportedOperationException("encoder not written yet");
  }
}
