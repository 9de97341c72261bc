package io.kubecdc.sink.it;

import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.encode.EncodeException;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RowBinary batch for Int64 and Nullable(String) columns, for the ITs only. A name
 * "poison" is written as a string claiming more bytes than follow, which ClickHouse rejects.
 */
final class TestRowBinaryBatch implements TableBatch {
  private final TableLayout layout;
  private final List<byte[]> rows = new ArrayList<>();
  private long bytes;

  TestRowBinaryBatch(TableLayout layout) {
    this.layout = layout;
  }

  @Override
  public TableLayout layout() {
    return layout;
  }

  @Override
  public List<ColumnSpec> missingColumns(ChangeEvent.Row row) {
    return row.schema().fields().stream()
        .filter(f -> layout.indexOf(f.name()) < 0)
        .map(f -> new ColumnSpec(f.name(), f.clickhouseType()))
        .toList();
  }

  @Override
  public void append(ChangeEvent.Row row) throws EncodeException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ColumnSpec column : layout.columns()) {
      Object value = valueOf(row, column.name());
      if (column.type().equals("Int64")) {
        writeLong(out, value == null ? 0 : ((Number) value).longValue());
      } else if (column.type().equals("Nullable(String)")) {
        if (value == null) {
          out.write(1);
        } else {
          out.write(0);
          byte[] s = value.toString().getBytes(StandardCharsets.UTF_8);
          writeVarint(out, value.equals("poison") ? 1L << 40 : s.length);
          out.write(s, 0, s.length);
        }
      } else {
        throw new EncodeException("test batch cannot encode " + column.type());
      }
    }
    writeLong(out, row.version());
    out.write(row.op() == ChangeEvent.Op.DELETE ? 1 : 0);
    rows.add(out.toByteArray());
    bytes += out.size();
  }

  private static Object valueOf(ChangeEvent.Row row, String name) {
    List<EventSchema.Field> fields = row.schema().fields();
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return row.values()[i];
      }
    }
    return null;
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  @Override
  public int rowCount() {
    return rows.size();
  }

  @Override
  public long byteSize() {
    return bytes;
  }

  @Override
  public void writeTo(OutputStream out, int fromRow, int toRow) throws IOException {
    for (byte[] row : rows.subList(fromRow, toRow)) {
      out.write(row);
    }
  }

  @Override
  public void clear() {
    rows.clear();
    bytes = 0;
  }
}
