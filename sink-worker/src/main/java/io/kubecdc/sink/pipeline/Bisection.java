package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.ClickHouseRejectedException;
import io.kubecdc.sink.clickhouse.ClickHouseSystematicException;
import io.kubecdc.sink.codec.TableBatch;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.retry.Retrier;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at inserting a batch that ClickHouse may reject as bad data: on rejection the range
 * is halved until single rows are isolated. The rejected rows are only collected here; the caller
 * decides, once the attempt is over, whether they are bad rows (dead letters) or the sign of a
 * systematic failure, which must not cost any row:
 *
 * <ul>
 *   <li>every row tried rejected with the same code and none accepted, at least {@value
 *       #SYSTEMATIC_MIN_ROWS} of them: the batch is not the problem, the setup is ({@link
 *       #systematic()});
 *   <li>the whole batch rejected again with the code an earlier attempt found systematic ({@code
 *       repeatedCode}): retried at once, without bisecting again;
 *   <li>more rows rejected than {@code limit}: bisecting stops early ({@link #cut()}), because the
 *       rows could not be dead-lettered anyway and each further step costs an insert.
 * </ul>
 */
final class Bisection {
  /** Fewer identical rejections could be a few genuinely bad rows of a small batch. */
  static final int SYSTEMATIC_MIN_ROWS = 8;

  private static final Logger log = LoggerFactory.getLogger(Bisection.class);

  record Rejection(int row, int code, String message) {}

  private final String label;
  private final TableBatch batch;
  private final ClickHouseGateway gateway;
  private final Retrier retrier;
  private final SinkMetrics metrics;
  private final int limit;
  private final int repeatedCode;
  private final List<Rejection> rejected = new ArrayList<>();
  private int accepted;

  Bisection(
      String label,
      TableBatch batch,
      ClickHouseGateway gateway,
      Retrier retrier,
      SinkMetrics metrics,
      int limit,
      int repeatedCode) {
    this.label = label;
    this.batch = batch;
    this.gateway = gateway;
    this.retrier = retrier;
    this.metrics = metrics;
    this.limit = limit;
    this.repeatedCode = repeatedCode;
  }

  /** Inserts rows [from, to), bisecting on rejection, until done or {@link #cut()}. */
  void insert(int from, int to) {
    if (cut()) {
      return;
    }
    try {
      retrier.call(
          "insert " + label + " rows " + from + ".." + to,
          () -> gateway.insert(batch.layout(), out -> batch.writeTo(out, from, to)));
      accepted += to - from;
    } catch (ClickHouseRejectedException e) {
      metrics.error("clickhouse_rejected");
      if (from == 0 && to == batch.rowCount() && e.code() == repeatedCode) {
        // the previous attempt found this code systematic: do not bisect it again
        throw new ClickHouseSystematicException(e.code(), e.getMessage(), e);
      }
      if (to - from == 1) {
        rejected.add(new Rejection(from, e.code(), e.getMessage()));
        return;
      }
      log.debug("event=bisect table={} from={} to={} code={}", label, from, to, e.code());
      int mid = (from + to) >>> 1;
      insert(from, mid);
      insert(mid, to);
    }
  }

  List<Rejection> rejected() {
    return rejected;
  }

  boolean cut() {
    return rejected.size() > limit;
  }

  boolean systematic() {
    return accepted == 0
        && rejected.size() >= SYSTEMATIC_MIN_ROWS
        && rejected.stream().mapToInt(Rejection::code).distinct().count() == 1;
  }

  /** The failure to retry when {@link #systematic()}. */
  ClickHouseSystematicException systematicFailure() {
    Rejection first = rejected.get(0);
    return new ClickHouseSystematicException(
        first.code(),
        "insert into "
            + label
            + " refused: each of "
            + rejected.size()
            + " rows tried rejected alike, none accepted: "
            + first.message(),
        null);
  }
}
