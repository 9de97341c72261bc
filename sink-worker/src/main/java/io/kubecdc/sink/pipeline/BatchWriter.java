package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.ClickHouseRejectedException;
import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.kafka.DeadLetters;
import io.kubecdc.sink.kafka.SourceRef;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts a table's batch and waits for the acknowledgement. While ClickHouse is unavailable the
 * insert is retried with backoff (inserts are replay-safe thanks to {@code _version}). When
 * ClickHouse rejects the data, the batch is bisected with {@code writeTo(from, to)} ranges until
 * the bad rows are isolated; those go to the dead-letter topic, the rest is inserted.
 */
final class BatchWriter {
  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

  private final ClickHouseGateway gateway;
  private final DeadLetters deadLetters;
  private final Retrier retrier;
  private final SinkMetrics metrics;
  private final LongSupplier nanoClock;

  BatchWriter(
      ClickHouseGateway gateway,
      DeadLetters deadLetters,
      Retrier retrier,
      SinkMetrics metrics,
      LongSupplier nanoClock) {
    this.gateway = gateway;
    this.deadLetters = deadLetters;
    this.retrier = retrier;
    this.metrics = metrics;
    this.nanoClock = nanoClock;
  }

  /** Writes all rows of {@code batch}; {@code refs.get(i)} is the source of row i. */
  void write(String label, TableBatch batch, List<SourceRef> refs, long maxSourceTsMillis) {
    int rows = batch.rowCount();
    if (rows != refs.size()) {
      throw new IllegalStateException(
          label + ": batch has " + rows + " rows but " + refs.size() + " sources");
    }
    long start = nanoClock.getAsLong();
    int rejected = insertRange(label, batch, refs, 0, rows);
    double seconds = (nanoClock.getAsLong() - start) / 1e9;
    metrics.inserted(label, rows - rejected, seconds, maxSourceTsMillis);
    log.debug(
        "event=inserted table={} rows={} rejected={} seconds={}", label, rows, rejected, seconds);
  }

  /** Inserts rows [from, to); returns how many went to the dead-letter topic instead. */
  private int insertRange(String label, TableBatch batch, List<SourceRef> refs, int from, int to) {
    try {
      retrier.call(
          "insert " + label + " rows " + from + ".." + to,
          () -> gateway.insert(batch.layout(), out -> batch.writeTo(out, from, to)));
      return 0;
    } catch (ClickHouseRejectedException e) {
      metrics.error("clickhouse_rejected");
      if (to - from == 1) {
        deadLetters.send(refs.get(from), "rejected", e.getMessage());
        return 1;
      }
      log.warn(
          "event=bisect table={} from={} to={} code={} error=\"{}\"",
          label,
          from,
          to,
          e.code(),
          e.getMessage());
      int mid = (from + to) >>> 1;
      return insertRange(label, batch, refs, from, mid) + insertRange(label, batch, refs, mid, to);
    }
  }
}
