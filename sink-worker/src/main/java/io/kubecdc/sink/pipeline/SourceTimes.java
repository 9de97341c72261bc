package io.kubecdc.sink.pipeline;

import java.util.Arrays;

/**
 * The source commit times of the rows of one batch, kept so that the worker can tell, at the
 * acknowledgement, how long each row took from its source commit into ClickHouse. Rows of one
 * source transaction share their commit time and arrive together, so the times are kept as runs of
 * (time, rows): a batch of 100,000 rows from 500 transactions holds 500 runs.
 */
final class SourceTimes {
  private long[] times = new long[16];
  private int[] counts = new int[16];
  private int runs;
  private long max;

  /** One more row committed at {@code millis} (epoch ms; 0 or less when unknown: ignored). */
  void add(long millis) {
    if (millis <= 0) {
      return;
    }
    max = Math.max(max, millis);
    if (runs > 0 && times[runs - 1] == millis) {
      counts[runs - 1]++;
      return;
    }
    if (runs == times.length) {
      times = Arrays.copyOf(times, runs * 2);
      counts = Arrays.copyOf(counts, runs * 2);
    }
    times[runs] = millis;
    counts[runs++] = 1;
  }

  /** The newest commit time, 0 when empty. */
  long max() {
    return max;
  }

  /** Hands every run to {@code sink}, oldest first. */
  void forEach(Run sink) {
    for (int i = 0; i < runs; i++) {
      sink.accept(times[i], counts[i]);
    }
  }

  /** {@code rows} rows committed at {@code millis}. */
  interface Run {
    void accept(long millis, int rows);
  }
}
