package io.kubecdc.sink.codec;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.encode.EncodeException;
import io.kubecdc.sink.encode.RowBinaryBatch;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** {@link TableBatch} delegating to the real {@link RowBinaryBatch}. */
final class RowBinaryTableBatch implements TableBatch {
  private final RowBinaryBatch batch;

  RowBinaryTableBatch(TableLayout layout) {
    this.batch = new RowBinaryBatch(layout);
  }

  @Override
  public TableLayout layout() {
    return batch.layout();
  }

  @Override
  public List<ColumnSpec> missingColumns(ChangeEvent.Row row) {
    return batch.missingColumns(row);
  }

  @Override
  public void append(ChangeEvent.Row row) throws EncodeException {
    batch.append(row);
  }

  @Override
  public long takeOutOfRange() {
    return batch.takeOutOfRange();
  }

  @Override
  public int rowCount() {
    return batch.rowCount();
  }

  @Override
  public long byteSize() {
    return batch.byteSize();
  }

  @Override
  public void writeTo(OutputStream out, int fromRow, int toRow) throws IOException {
    batch.writeTo(out, fromRow, toRow);
  }

  @Override
  public void clear() {
    batch.clear();
  }
}
