package io.kubecdc.sink.e2e;

import java.util.Arrays;

/**
 * When each benchmark event passed each stage, in epoch milliseconds on this machine's clock (the
 * one PostgreSQL, Kafka and the worker use too): committed at the source, appended to Kafka,
 * visible in ClickHouse. Prints p50/p95/p99/max per stage over a window of events.
 */
final class EventTimes {
  private static final long EPOCH_NANOS = System.currentTimeMillis() * 1_000_000L;
  private static final long BASE_NANOS = System.nanoTime();

  final double[] committed;
  final double[] inKafka;
  final double[] visible;

  EventTimes(int events) {
    committed = new double[events];
    inKafka = new double[events];
    visible = new double[events];
  }

  /** Epoch milliseconds with sub-millisecond resolution. */
  static double now() {
    return (EPOCH_NANOS + System.nanoTime() - BASE_NANOS) / 1e6;
  }

  int size() {
    return committed.length;
  }

  boolean allVisible(int upTo) {
    return upTo <= 0 || visible[upTo - 1] != 0;
  }

  /** One line per stage for the events [from, to). */
  void print(String window, int from, int to) {
    System.out.printf("freshness %s: events %,d..%,d%n", window, from, to);
    print(window, "commit -> in Kafka", committed, inKafka, from, to);
    print(window, "in Kafka -> visible", inKafka, visible, from, to);
    print(window, "commit -> visible", committed, visible, from, to);
  }

  private static void print(
      String window, String stage, double[] start, double[] end, int from, int to) {
    double[] ms = new double[to - from];
    for (int i = from; i < to; i++) {
      ms[i - from] = end[i] - start[i];
    }
    Arrays.sort(ms);
    System.out.printf(
        "freshness %s %-20s p50 %6.0f ms, p95 %6.0f ms, p99 %6.0f ms, max %6.0f ms%n",
        window, stage + ":", pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]);
  }

  static double pct(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  }
}
