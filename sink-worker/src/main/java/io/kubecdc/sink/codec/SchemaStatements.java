package io.kubecdc.sink.codec;

import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.Ddl;
import io.kubecdc.sink.table.TableLayout;
import java.util.List;

/** The DDL the runtime runs: a seam around {@link Ddl} so tests can supply their own. */
public interface SchemaStatements {
  /** {@code CREATE TABLE IF NOT EXISTS ... ReplacingMergeTree(_version, _deleted)}. */
  String createTable(TableLayout layout);

  /** {@code ALTER TABLE ... ADD COLUMN IF NOT EXISTS ...}. */
  String addColumns(TableLayout layout, List<ColumnSpec> added);

  /** {@code ALTER TABLE ... MODIFY COLUMN ...} to wider types. */
  default String modifyColumns(TableLayout layout, List<ColumnSpec> changed) {
    return Ddl.modifyColumns(layout, changed);
  }

  static SchemaStatements ddl() {
    return new SchemaStatements() {
      @Override
      public String createTable(TableLayout layout) {
        return Ddl.createTable(layout);
      }

      @Override
      public String addColumns(TableLayout layout, List<ColumnSpec> added) {
        return Ddl.addColumns(layout, added);
      }
    };
  }
}
