package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.encode.EncodeException;
import io.kubecdc.sink.kafka.SourceRef;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The insert of one table's detached batch: the rows, then the rows that waited for TOAST values,
 * completed from ClickHouse, which by then holds the rows just inserted; then how long each row
 * took from its source commit to this acknowledgement. Runs on the insert thread; hands the emptied
 * batch back for reuse.
 */
final class FlushJob implements Runnable {
  private final String label;
  private final SinkContext ctx;
  private final ToastResolver toast;
  private final TableBatch batch;
  private final List<SourceRef> refs;
  private final List<ToastResolver.Deferred> waiting;
  private final SourceTimes sourceTimes;
  private final Consumer<TableBatch> recycle;

  FlushJob(
      String label,
      SinkContext ctx,
      ToastResolver toast,
      TableBatch batch,
      List<SourceRef> refs,
      List<ToastResolver.Deferred> waiting,
      SourceTimes sourceTimes,
      Consumer<TableBatch> recycle) {
    this.label = label;
    this.ctx = ctx;
    this.toast = toast;
    this.batch = batch;
    this.refs = new ArrayList<>(refs);
    this.waiting = waiting;
    this.sourceTimes = sourceTimes;
    this.recycle = recycle;
  }

  @Override
  public void run() {
    write();
    if (!waiting.isEmpty()) {
      for (ToastResolver.Deferred d : toast.resolve(batch.layout(), waiting)) {
        append(ctx, batch, refs, d.row(), d.ref());
      }
      write();
    }
    sourceTimes.forEach((millis, rows) -> ctx.metrics().acknowledged(label, millis, rows));
    recycle.accept(batch);
  }

  private void write() {
    if (batch.rowCount() > 0) {
      ctx.writer().write(label, batch, refs, sourceTimes.max());
    }
    batch.clear();
    refs.clear();
  }

  /** Encodes a row into the batch; a row that cannot be encoded goes to the dead-letter topic. */
  static void append(
      SinkContext ctx, TableBatch batch, List<SourceRef> refs, ChangeEvent.Row row, SourceRef ref) {
    try {
      batch.append(row);
      long replaced = batch.takeOutOfRange();
      if (replaced > 0) {
        TableLayout t = batch.layout();
        ctx.metrics().outOfRange(t.database() + "." + t.table(), replaced);
      }
    } catch (EncodeException e) {
      ctx.metrics().error("encode");
      ctx.deadLetters().send(ref, "encode", e.getMessage());
      return;
    }
    refs.add(ref.withoutBytes());
  }
}
