package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.codec.RecordDecoder;
import io.kubecdc.sink.decode.DecodeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes the records of one poll on several threads, the loop's own included, each with a decoder
 * of its own (decoders are not thread-safe). Decoding the JSON is most of the loop's work: on one
 * thread it caps the worker at what one core decodes, and on a busy node one runnable thread gets a
 * small share of the CPU. The loop still handles the decoded records one by one in their order; a
 * small poll is decoded on the loop's thread alone.
 */
public final class ParallelDecoding implements AutoCloseable {
  static final int MIN_RECORDS_PER_THREAD = 256;

  /**
   * At most this much JSON is decoded ahead of the loop: the heap is sized for one large event at a
   * time (32 MiB values), not for a poll of them.
   */
  static final long MAX_AHEAD_BYTES = 8L << 20;

  private final RecordDecoder own;
  private final List<RecordDecoder> helpers = new ArrayList<>();
  private final ExecutorService pool;

  /** {@code threads} decoders in all (the loop's thread and {@code threads - 1} helpers). */
  ParallelDecoding(Supplier<RecordDecoder> decoders, int threads) {
    this.own = decoders.get();
    for (int i = 1; i < threads; i++) {
      helpers.add(decoders.get());
    }
    this.pool =
        helpers.isEmpty()
            ? null
            : Executors.newFixedThreadPool(
                helpers.size(),
                r -> {
                  Thread t = new Thread(r, "sink-decode");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** As many decoders as the JVM sees processors (the container's CPU limit), at most 4. */
  public static int defaultThreads() {
    return Math.min(4, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The end of the next window of {@code records} from {@code from}: at least one record, and no
   * more than {@link #MAX_AHEAD_BYTES} of values unless that one record is larger.
   */
  static int windowEnd(List<ConsumerRecord<byte[], byte[]>> records, int from) {
    long bytes = 0;
    int to = from;
    while (to < records.size()) {
      byte[] value = records.get(to).value();
      bytes += value == null ? 0 : value.length;
      if (to > from && bytes > MAX_AHEAD_BYTES) {
        break;
      }
      to++;
    }
    return to;
  }

  /**
   * Per record, in order: its {@link io.kubecdc.sink.decode.ChangeEvent} or its DecodeException.
   */
  Object[] decode(List<ConsumerRecord<byte[], byte[]>> records) {
    int n = records.size();
    Object[] out = new Object[n];
    int parts = Math.min(helpers.size() + 1, Math.max(1, n / MIN_RECORDS_PER_THREAD));
    int chunk = (n + parts - 1) / Math.max(1, parts);
    List<Future<?>> running = new ArrayList<>();
    for (int p = 1; p < parts; p++) {
      RecordDecoder decoder = helpers.get(p - 1);
      int from = p * chunk;
      int to = Math.min(n, from + chunk);
      running.add(pool.submit(() -> decodeRange(decoder, records, out, from, to)));
    }
    decodeRange(own, records, out, 0, Math.min(n, chunk));
    for (Future<?> f : running) {
      await(f);
    }
    return out;
  }

  private static void decodeRange(
      RecordDecoder decoder,
      List<ConsumerRecord<byte[], byte[]>> records,
      Object[] out,
      int from,
      int to) {
    for (int i = from; i < to; i++) {
      try {
        out[i] = decoder.decode(records.get(i).value());
      } catch (DecodeException e) {
        out[i] = e;
      }
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
