package io.kubecdc.sink.fakes;

import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.encode.EncodeException;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch that "encodes" each row as one text line {@code col=value,...|version}; a value {@code
 * "unencodable"} fails to encode. Lets tests read back exactly what was inserted.
 */
public final class FakeBatch implements TableBatch {
  private final TableLayout layout;
  private final List<String> lines = new ArrayList<>();

  public FakeBatch(TableLayout layout) {
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
    Map<String, Object> byName = new LinkedHashMap<>();
    List<EventSchema.Field> fields = row.schema().fields();
    for (int i = 0; i < fields.size(); i++) {
      if ("unencodable".equals(row.values()[i])) {
        throw new EncodeException("cannot encode " + fields.get(i).name());
      }
      byName.put(fields.get(i).name(), row.values()[i]);
    }
    StringBuilder line = new StringBuilder();
    for (ColumnSpec c : layout.columns()) {
      Object v = byName.get(c.name());
      // String columns may be given bytes (bytea, or values read back from ClickHouse)
      line.append(c.name())
          .append('=')
          .append(
              v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v)
          .append(',');
    }
    line.append('|')
        .append(row.version())
        .append(row.op() == ChangeEvent.Op.DELETE ? "|deleted" : "");
    lines.add(line.toString());
  }

  @Override
  public int rowCount() {
    return lines.size();
  }

  @Override
  public long byteSize() {
    return lines.stream().mapToLong(String::length).sum();
  }

  @Override
  public void writeTo(OutputStream out, int fromRow, int toRow) throws IOException {
    for (String line : lines.subList(fromRow, toRow)) {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void clear() {
    lines.clear();
  }
}
