package io.kubecdc.sink.bench;

import com.sun.management.ThreadMXBean;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.DecodeException;
import io.kubecdc.sink.decode.EventDecoder;
import io.kubecdc.sink.decode.EventSchema;
import io.kubecdc.sink.encode.EncodeException;
import io.kubecdc.sink.encode.RowBinaryBatch;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Decode + encode throughput of the sink-worker on one thread, without I/O, over realistic {@code
 * orders} events ({@link OrdersEvents}). Prints events/s, MB/s of JSON and bytes allocated per
 * event for each measured round.
 *
 * <pre>java -cp "sink-worker/target/classes:sink-worker/target/lib/*" \
 *   io.kubecdc.sink.bench.DecodeEncodeBenchmark [events per round]</pre>
 */
public final class DecodeEncodeBenchmark {
  private static final int POOL = 20_000;
  private static final int BATCH_ROWS = 10_000;
  private static final int WARMUP_ROUNDS = 3;
  private static final int ROUNDS = 5;

  private DecodeEncodeBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    OrdersEvents generator = new OrdersEvents();
    byte[][] pool = new byte[POOL][];
    long poolBytes = 0;
    for (int i = 0; i < POOL; i++) {
      pool[i] = generator.next();
      poolBytes += pool[i].length;
    }
    EventDecoder decoder = new EventDecoder();
    RowBinaryBatch batch = new RowBinaryBatch(layout(decoder, pool[0]));
    System.out.printf(
        "orders events: %d distinct, %.0f bytes/event on average, %d events per round%n",
        POOL, (double) poolBytes / POOL, events);

    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    double best = 0;
    for (int round = 1; round <= WARMUP_ROUNDS + ROUNDS; round++) {
      long allocated = threads.getThreadAllocatedBytes(tid);
      long start = System.nanoTime();
      long bytes = run(decoder, batch, pool, events);
      long nanos = System.nanoTime() - start;
      allocated = threads.getThreadAllocatedBytes(tid) - allocated;
      double perSecond = events * 1e9 / nanos;
      String label = round <= WARMUP_ROUNDS ? "warm-up" : "round  ";
      System.out.printf(
          "%s %d: %,10.0f events/s  %7.1f MB/s JSON  %6.0f bytes allocated/event%n",
          label, round, perSecond, bytes * 1e3 / nanos, (double) allocated / events);
      if (round > WARMUP_ROUNDS) {
        best = Math.max(best, perSecond);
      }
    }
    System.out.printf("best: %,.0f events/s on one thread%n", best);
  }

  private static long run(EventDecoder decoder, RowBinaryBatch batch, byte[][] pool, int events)
      throws DecodeException, EncodeException {
    long bytes = 0;
    for (int i = 0; i < events; i++) {
      byte[] value = pool[i % pool.length];
      bytes += value.length;
      if (decoder.decode(value) instanceof ChangeEvent.Row row) {
        batch.append(row);
        if (batch.rowCount() == BATCH_ROWS) {
          batch.clear();
        }
      }
    }
    return bytes;
  }

  private static TableLayout layout(EventDecoder decoder, byte[] event) throws DecodeException {
    EventSchema schema = ((ChangeEvent.Row) decoder.decode(event)).schema();
    List<ColumnSpec> columns =
        schema.fields().stream().map(f -> new ColumnSpec(f.name(), f.clickhouseType())).toList();
    return new TableLayout("bench", "orders", List.of("id"), columns);
  }
}
