package io.kubecdc.sink.codec;

import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.encode.EncodeException;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The pending, encoded rows of one table, in the layout's column order followed by {@code
 * _version}, {@code _deleted}. Mirrors {@link io.kubecdc.sink.encode.RowBinaryBatch}.
 */
public interface TableBatch {
  TableLayout layout();

  /** The columns the row carries that the layout lacks. */
  List<ColumnSpec> missingColumns(ChangeEvent.Row row);

  /** Appends one fully resolved row; on an exception nothing is appended. */
  void append(ChangeEvent.Row row) throws EncodeException;

  /** Date and time values replaced to fit their column since the last call (a counter). */
  default long takeOutOfRange() {
    return 0;
  }

  int rowCount();

  long byteSize();

  /** Writes rows {@code [fromRow, toRow)} in the insert format. */
  void writeTo(OutputStream out, int fromRow, int toRow) throws IOException;

  void clear();
}
