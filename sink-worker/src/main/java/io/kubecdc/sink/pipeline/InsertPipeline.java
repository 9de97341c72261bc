package io.kubecdc.sink.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Inserts one generation of batches in the background while the loop decodes the next, so that
 * waiting for ClickHouse and decoding overlap. At most one generation is in flight: the loop waits
 * for it before handing over the next, which bounds memory to two batches per table. The offsets
 * handled before a generation was detached become committable when it is done; the loop takes them
 * ({@link #takeCompleted()}) and commits them on its own thread.
 */
public final class InsertPipeline implements AutoCloseable {
  private final ExecutorService executor;
  private Future<?> inFlight;
  private Map<TopicPartition, OffsetAndMetadata> inFlightOffsets = Map.of();
  private Map<TopicPartition, OffsetAndMetadata> completed = Map.of();

  private InsertPipeline(ExecutorService executor) {
    this.executor = executor;
  }

  /** Inserts on a thread of its own. */
  public static InsertPipeline background() {
    return new InsertPipeline(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sink-insert");
              t.setDaemon(true);
              return t;
            }));
  }

  /** Inserts on the caller's thread, when started: for tests and simple callers. */
  public static InsertPipeline direct() {
    return new InsertPipeline(null);
  }

  /** Starts inserting {@code jobs}; {@code offsets} become committable once all are done. */
  void start(List<Runnable> jobs, Map<TopicPartition, OffsetAndMetadata> offsets) {
    awaitIdle();
    Runnable all = () -> jobs.forEach(Runnable::run);
    if (executor == null) {
      all.run();
      completed = offsets;
      return;
    }
    inFlightOffsets = offsets;
    inFlight = executor.submit(all);
  }

  /** Waits for the generation in flight; its failure is thrown here, on the loop's thread. */
  void awaitIdle() {
    if (inFlight == null) {
      return;
    }
    try {
      inFlight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while inserting", e);
    } catch (ExecutionException e) {
      inFlight = null;
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    inFlight = null;
    completed = inFlightOffsets;
    inFlightOffsets = Map.of();
  }

  boolean busy() {
    if (inFlight != null && inFlight.isDone()) {
      awaitIdle();
    }
    return inFlight != null;
  }

  /** The offsets made committable by a finished generation, once; empty otherwise. */
  Map<TopicPartition, OffsetAndMetadata> takeCompleted() {
    busy();
    Map<TopicPartition, OffsetAndMetadata> out = completed;
    completed = Map.of();
    return out;
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
