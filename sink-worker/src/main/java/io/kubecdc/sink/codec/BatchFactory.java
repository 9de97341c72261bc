package io.kubecdc.sink.codec;

import io.kubecdc.sink.table.TableLayout;

/** Makes the batch of a table layout; a new one after each schema change. */
@FunctionalInterface
public interface BatchFactory {
  TableBatch create(TableLayout layout);

  /** Batches backed by {@link io.kubecdc.sink.encode.RowBinaryBatch}. */
  static BatchFactory rowBinary() {
    return RowBinaryTableBatch::new;
  }
}
