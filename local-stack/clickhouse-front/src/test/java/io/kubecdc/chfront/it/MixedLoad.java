package io.kubecdc.chfront.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The load the driver matrices put on kept-alive connections, the shape under which the Kafka
 * Connect sink was reported to hang: threads that each send a run of queries whose results are
 * empty, one row, or several compressed blocks, mixed.
 */
final class MixedLoad {
  static final int THREADS = 4;
  static final int QUERIES = 15;

  private MixedLoad() {}

  /** What one thread does; {@code thread} is 0 to {@link #THREADS} - 1. */
  interface Worker {
    void run(int thread) throws Exception;
  }

  /** How many rows query {@code query} of thread {@code thread} asks for. */
  static int rows(int thread, int query) {
    return (query + thread) % 3 == 0 ? 0 : (query % 3) * 20_000 + 1;
  }

  static void run(Worker worker) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  worker.run(thread);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(50, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
