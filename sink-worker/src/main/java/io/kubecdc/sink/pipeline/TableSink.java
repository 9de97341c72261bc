package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.ClickHouseRejectedException;
import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.kafka.SourceRef;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pending rows of one target table and what happens to them: TOAST resolution, schema
 * evolution, truncates and flushes. Not thread-safe; owned by the loop.
 */
public final class TableSink {
  private static final Logger log = LoggerFactory.getLogger(TableSink.class);

  private final String label;
  private final SinkContext ctx;
  private final ToastResolver toast;
  private final ColumnWidening widening;
  private final List<SourceRef> refs = new ArrayList<>();
  private final DroppedColumns dropped;
  private TableBatch batch;
  private volatile TableBatch spare;
  private long oldestNanos = -1;
  private SourceTimes sourceTimes = new SourceTimes();

  public TableSink(TableLayout layout, SinkContext ctx) {
    this(layout, ctx, List.of());
  }

  /**
   * @param dropped source columns that no longer exist: left out of the events that still carry
   *     them (written before the change), never added to the table
   */
  public TableSink(TableLayout layout, SinkContext ctx, List<String> dropped) {
    this.dropped = new DroppedColumns(dropped);
    this.label = layout.database() + "." + layout.table();
    this.ctx = ctx;
    this.batch = ctx.codec().batches().create(layout);
    this.widening = new ColumnWidening(label);
    this.toast =
        new ToastResolver(
            label,
            new ClickHouseToastLookup(ctx.gateway(), ctx.retrier()),
            (source, row, column) -> {
              ctx.metrics().toastLookup(label, source);
              if (source.equals("missing")) {
                log.warn(
                    "event=toast_missing table={} column={} version={}",
                    label,
                    column,
                    row.version());
              }
            });
  }

  public String label() {
    return label;
  }

  public TableLayout layout() {
    return batch.layout();
  }

  public void accept(ChangeEvent.Row event, SourceRef ref) {
    ctx.metrics().event(label, event.op().name().toLowerCase(java.util.Locale.ROOT));
    for (ChangeEvent.Row row : KeyChange.split(batch.layout(), dropped.leftOut(event))) {
      write(row, ref);
    }
  }

  private void write(ChangeEvent.Row row, SourceRef ref) {
    List<ColumnSpec> missing = batch.missingColumns(row);
    List<ColumnSpec> wider = widening.of(row.schema(), batch.layout());
    if (!wider.isEmpty()) {
      widen(wider);
    }
    if (!missing.isEmpty() && !evolve(missing, ref)) {
      return;
    }
    markPending(row.sourceTsMillis());
    if (ToastResolver.needsResolution(row)) {
      toast.defer(batch.layout(), row, ref.withoutBytes()); // resolved at the flush
      return;
    }
    toast.observe(batch.layout(), row);
    append(row, ref);
  }

  private void append(ChangeEvent.Row row, SourceRef ref) {
    FlushJob.append(ctx, batch, refs, row, ref);
  }

  private void markPending(long sourceTs) {
    if (oldestNanos < 0) {
      oldestNanos = ctx.nanoClock().getAsLong();
    }
    sourceTimes.add(sourceTs);
  }

  /** Flushes, adds the columns, switches to a batch of the wider layout. False if refused. */
  private boolean evolve(List<ColumnSpec> added, SourceRef ref) {
    flush();
    TableLayout layout = batch.layout();
    String sql = ctx.codec().schema().addColumns(layout, added);
    try {
      alter("add columns to ", sql, layout.withColumns(added), added.size());
    } catch (ClickHouseRejectedException e) {
      ctx.deadLetters().send(ref, "schema_change", e.getMessage());
      return false;
    }
    log.info("event=columns_added table={} columns={}", label, added);
    return true;
  }

  /**
   * Flushes the rows encoded for the old types, changes the columns, and switches to a batch of the
   * new types. A refused change is logged and not tried again: the column keeps its type, and the
   * rows go on as before (a value that does not fit is dead-lettered when it is encoded).
   */
  private void widen(List<ColumnSpec> wider) {
    flush();
    TableLayout layout = batch.layout();
    String sql = ctx.codec().schema().modifyColumns(layout, wider);
    try {
      alter("widen columns of ", sql, layout.withTypes(wider), wider.size());
    } catch (ClickHouseRejectedException e) {
      widening.refused(wider);
      log.warn(
          "event=widening_refused table={} columns={} error=\"{}\"", label, wider, e.getMessage());
      return;
    }
    log.info("event=columns_widened table={} columns={}", label, wider);
  }

  /** Runs one ALTER (retried while ClickHouse is away) and switches to a batch of {@code next}. */
  private void alter(String what, String sql, TableLayout next, int columns) {
    try {
      ctx.retrier().run(what + label, () -> ctx.gateway().execute(sql));
    } catch (ClickHouseRejectedException e) {
      ctx.metrics().error("schema_change");
      throw e;
    }
    batch = ctx.codec().batches().create(next);
    ctx.metrics().schemaChange(label, columns);
  }

  public void truncate(ChangeEvent.Truncate truncate, SourceRef ref) {
    ctx.metrics().event(label, "truncate");
    if (ctx.truncatePolicy() == TruncatePolicy.IGNORE) {
      ctx.metrics().truncate(label, "ignored");
      log.warn(
          "event=truncate_ignored table={} version={} policy=ignore", label, truncate.version());
      return;
    }
    flush();
    String sql = TruncateSql.markAllDeleted(batch.layout(), truncate.version());
    try {
      ctx.retrier().run("truncate " + label, () -> ctx.gateway().execute(sql));
      ctx.metrics().truncate(label, "deleted");
      log.info("event=truncate_applied table={} version={}", label, truncate.version());
    } catch (ClickHouseRejectedException e) {
      ctx.metrics().error("truncate");
      ctx.deadLetters().send(ref, "truncate", e.getMessage());
    }
  }

  /**
   * Inserts every pending row of this table now, on the caller's thread, after the generation in
   * flight (for schema changes and truncates, which must see every earlier row).
   */
  public void flush() {
    ctx.pipeline().awaitIdle();
    FlushJob job = detach();
    if (job != null) {
      job.run();
    }
  }

  /**
   * Hands the pending rows over as a job and starts a new batch (the previous one, once its job is
   * done). Null when nothing is pending. Call only while no job of this table runs.
   */
  FlushJob detach() {
    if (isEmpty()) {
      return null;
    }
    TableBatch full = batch;
    TableBatch next = spare;
    spare = null;
    batch =
        next != null && next.layout().equals(full.layout())
            ? next
            : ctx.codec().batches().create(full.layout());
    FlushJob job =
        new FlushJob(
            label,
            ctx,
            toast,
            full,
            refs,
            toast.takeDeferred(full.layout()),
            sourceTimes,
            b -> spare = b);
    refs.clear();
    oldestNanos = -1;
    sourceTimes = new SourceTimes();
    return job;
  }

  public boolean isEmpty() {
    return oldestNanos < 0;
  }

  public boolean full() {
    return ctx.policy().full(batch.rowCount() + toast.deferredCount(), batch.byteSize());
  }

  /** When the oldest pending row arrived (System.nanoTime scale), -1 when none is pending. */
  public long oldestPendingNanos() {
    return oldestNanos;
  }
}
