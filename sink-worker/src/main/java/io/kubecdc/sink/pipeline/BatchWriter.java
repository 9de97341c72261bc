package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.kafka.DeadLetterLimitException;
import io.kubecdc.sink.kafka.DeadLetters;
import io.kubecdc.sink.kafka.SourceRef;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts a table's batch and waits for the acknowledgement. While ClickHouse is unavailable, or
 * refuses the statement for a systematic reason, the insert is retried with backoff (inserts are
 * replay-safe thanks to {@code _version}). When ClickHouse rejects the data, the batch is bisected
 * ({@link Bisection}) until the bad rows are isolated; those go to the dead-letter topic, the rest
 * is inserted, unless the bisection shows a systematic failure or more bad rows than the
 * dead-letter limit allows.
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

  /**
   * Writes all rows of {@code batch}; {@code refs.get(i)} is the source of row i. A systematic
   * failure is retried with backoff, the whole batch each time, until it goes away.
   *
   * @throws DeadLetterLimitException when the rejected rows would exceed the table's dead-letter
   *     limit; nothing of this batch is dead-lettered then
   */
  void write(String label, TableBatch batch, List<SourceRef> refs, long maxSourceTsMillis) {
    int rows = batch.rowCount();
    if (rows != refs.size()) {
      throw new IllegalStateException(
          label + ": batch has " + rows + " rows but " + refs.size() + " sources");
    }
    long start = nanoClock.getAsLong();
    int[] systematicCode = {-1};
    int rejected =
        retrier.call("insert " + label, () -> attempt(label, batch, refs, systematicCode));
    double seconds = (nanoClock.getAsLong() - start) / 1e9;
    metrics.inserted(label, rows - rejected, seconds, maxSourceTsMillis);
    log.debug(
        "event=inserted table={} rows={} rejected={} seconds={}", label, rows, rejected, seconds);
  }

  /** Inserts, bisecting on rejection; returns how many rows went to the dead-letter topic. */
  private int attempt(String label, TableBatch batch, List<SourceRef> refs, int[] systematicCode) {
    String topic = refs.get(0).topic();
    Bisection bisection =
        new Bisection(
            label,
            batch,
            gateway,
            retrier,
            metrics,
            deadLetters.remaining(topic),
            systematicCode[0]);
    bisection.insert(0, batch.rowCount());
    List<Bisection.Rejection> rejected = bisection.rejected();
    if (rejected.isEmpty()) {
      return 0;
    }
    if (bisection.systematic()) {
      systematicCode[0] = rejected.get(0).code();
      throw bisection.systematicFailure();
    }
    if (bisection.cut()) {
      throw new DeadLetterLimitException(
          topic,
          "insert into "
              + label
              + ": more rows rejected than deadLetterLimit allows now; first: "
              + rejected.get(0).message());
    }
    log.warn(
        "event=rows_rejected table={} rows={} of={} code={} error=\"{}\"",
        label,
        rejected.size(),
        batch.rowCount(),
        rejected.get(0).code(),
        rejected.get(0).message());
    for (Bisection.Rejection r : rejected) {
      deadLetters.send(refs.get(r.row()), "rejected", r.message());
    }
    return rejected.size();
  }
}
