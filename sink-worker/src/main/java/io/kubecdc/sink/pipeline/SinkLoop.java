package io.kubecdc.sink.pipeline;

import io.kubecdc.sink.codec.RecordDecoder;
import io.kubecdc.sink.decode.ChangeEvent;
import io.kubecdc.sink.decode.DecodeException;
import io.kubecdc.sink.health.HealthState;
import io.kubecdc.sink.kafka.DeadLetterLimitException;
import io.kubecdc.sink.kafka.SourceRef;
import io.kubecdc.sink.retry.StoppedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume loop: poll, decode, route by topic to the table's {@link TableSink}, flush full
 * tables at once and every table when the oldest pending row is due, then commit the offsets of
 * clean partitions ({@link Committer}). A decode failure sends the record to the dead-letter topic.
 * Stops on {@link #stop()} after a last flush and commit.
 */
public final class SinkLoop implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(SinkLoop.class);

  private final Consumer<byte[], byte[]> consumer;
  private final ParallelDecoding decoding;
  private final Map<String, TableSink> sinks;
  private final SinkContext ctx;
  private final HealthState health;
  private final Committer committer;
  private final LagProbe lagProbe;
  private volatile boolean stopping;
  private volatile boolean halted;

  /** With one decoder: every record is decoded on the loop's thread. */
  public SinkLoop(
      Consumer<byte[], byte[]> consumer,
      RecordDecoder decoder,
      Map<String, TableSink> sinksByTopic,
      SinkContext ctx,
      HealthState health,
      Duration kafkaTimeout,
      BooleanSupplier kafkaUp) {
    this(consumer, () -> decoder, 1, sinksByTopic, ctx, health, kafkaTimeout, kafkaUp);
  }

  /** Decodes large polls on {@code decodeThreads} threads, each with a decoder of its own. */
  public SinkLoop(
      Consumer<byte[], byte[]> consumer,
      Supplier<RecordDecoder> decoders,
      int decodeThreads,
      Map<String, TableSink> sinksByTopic,
      SinkContext ctx,
      HealthState health,
      Duration kafkaTimeout,
      BooleanSupplier kafkaUp) {
    this.consumer = consumer;
    this.decoding = new ParallelDecoding(decoders, decodeThreads);
    this.sinks = Map.copyOf(sinksByTopic);
    this.ctx = ctx;
    this.health = health;
    this.committer =
        new Committer(
            consumer, new OffsetLedger(), sinks, ctx.retrier(), ctx.metrics(), kafkaTimeout);
    this.lagProbe = new LagProbe(consumer, ctx.metrics(), ctx.nanoClock(), kafkaTimeout, kafkaUp);
  }

  @Override
  public void run() {
    subscribe();
    boolean clean = false;
    try {
      while (!stopping) {
        pollOnce();
      }
      clean = true;
    } catch (WakeupException e) {
      clean = stopping;
      if (!stopping) {
        throw e;
      }
    } catch (StoppedException e) {
      log.warn("event=stopped_without_flush reason=\"{}\"", e.getMessage());
    } catch (DeadLetterLimitException e) {
      halt(e);
    } finally {
      finish(clean);
    }
  }

  /**
   * Stops consuming and committing until the worker is stopped, staying alive and not ready. Why
   * not exit: a restart starts a fresh dead-letter window, so a crash loop would drain the topic at
   * the limit's rate. Why not hold back only that table: the insert generations and the offset
   * commits are shared by all tables. A halted worker loses nothing and says why; what it had not
   * committed is delivered again after the restart.
   */
  private void halt(DeadLetterLimitException e) {
    halted = true;
    log.error("event=halted topic={} reason=\"{}\"", e.topic(), e.getMessage());
    health.halted(e.getMessage());
    ctx.metrics().halted(e.topic());
    while (!stopping) {
      health.beat();
      try {
        Thread.sleep(200);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void subscribe() {
    consumer.subscribe(List.copyOf(sinks.keySet()), new Rebalance());
  }

  /** One iteration: poll with a deadline-aware timeout, handle, flush when due, commit. */
  void pollOnce() {
    health.beat();
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    consumer.poll(pollTimeout()).forEach(records::add);
    for (int from = 0; from < records.size(); ) {
      int to = ParallelDecoding.windowEnd(records, from);
      Object[] decoded = decoding.decode(records.subList(from, to));
      for (int i = 0; i < decoded.length; i++) {
        handle(records.get(from + i), decoded[i]);
      }
      from = to;
    }
    long now = ctx.nanoClock().getAsLong();
    if (sinks.values().stream().anyMatch(s -> ctx.policy().due(s.oldestPendingNanos(), now))) {
      flushAll();
    }
    committer.commit(ctx.pipeline().takeCompleted());
    if (!ctx.pipeline().busy()) {
      committer.commitClean();
    }
    lagProbe.maybeProbe();
  }

  private Duration pollTimeout() {
    long oldest =
        sinks.values().stream()
            .mapToLong(TableSink::oldestPendingNanos)
            .filter(n -> n >= 0)
            .min()
            .orElse(-1);
    return ctx.policy().pollTimeout(oldest, ctx.nanoClock().getAsLong());
  }

  /** Routes one record, decoded to a ChangeEvent or the DecodeException it failed with. */
  void handle(ConsumerRecord<byte[], byte[]> record, Object decoded) {
    TableSink sink = sinks.get(record.topic());
    SourceRef ref = SourceRef.of(record);
    if (decoded instanceof DecodeException e) {
      ctx.metrics().error("decode");
      ctx.deadLetters().send(ref, "decode", e.getMessage());
      committer.handled(record);
      return;
    }
    ChangeEvent event = (ChangeEvent) decoded;
    if (event instanceof ChangeEvent.Row row) {
      sink.accept(row, ref);
      if (sink.full()) {
        flushAll();
      }
    } else if (event instanceof ChangeEvent.Truncate truncate) {
      sink.truncate(truncate, ref);
    } else {
      ctx.metrics().event(sink.label(), "tombstone");
    }
    committer.handled(record);
  }

  /**
   * Hands every table's pending rows to the insert pipeline, after the generation in flight; the
   * offsets handled so far become committable when this generation is in ClickHouse.
   */
  void flushAll() {
    ctx.pipeline().awaitIdle();
    committer.commit(ctx.pipeline().takeCompleted());
    List<Runnable> jobs = new ArrayList<>();
    for (TableSink sink : sinks.values()) {
      FlushJob job = sink.detach();
      if (job != null) {
        jobs.add(job);
      }
    }
    if (!jobs.isEmpty()) {
      ctx.pipeline().start(jobs, committer.handledOffsets());
    }
  }

  /** Everything handled is in ClickHouse (or the dead-letter topic) and committed. */
  private void flushAndCommitAll() {
    flushAll();
    ctx.pipeline().awaitIdle();
    committer.commit(ctx.pipeline().takeCompleted());
    committer.commitClean();
  }

  private void finish(boolean clean) {
    try {
      if (clean) {
        flushAndCommitAll();
        log.info("event=stopped flushed=true");
      }
    } catch (StoppedException e) {
      log.warn("event=stopped_without_flush reason=\"{}\"", e.getMessage());
    } finally {
      decoding.close();
      consumer.close(Duration.ofSeconds(10));
    }
  }

  /** Asks the loop to stop: wakes a blocked poll; the loop flushes, commits and closes. */
  public void stop() {
    stopping = true;
    consumer.wakeup();
  }

  public boolean stopping() {
    return stopping;
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      log.info("event=partitions_revoked partitions={}", partitions);
      if (halted) {
        // the failed rows are no longer pending: committing now would skip them
        committer.forget(partitions);
        return;
      }
      flushAndCommitAll();
      committer.forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      log.warn("event=partitions_lost partitions={}", partitions);
      committer.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      log.info("event=partitions_assigned partitions={}", partitions);
    }
  }
}
