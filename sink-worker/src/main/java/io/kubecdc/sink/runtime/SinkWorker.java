package io.kubecdc.sink.runtime;

import io.kubecdc.sink.clickhouse.ClickHouseGateway;
import io.kubecdc.sink.clickhouse.ClientV2Gateway;
import io.kubecdc.sink.codec.Codec;
import io.kubecdc.sink.config.SinkConfig;
import io.kubecdc.sink.config.TableConfig;
import io.kubecdc.sink.config.WorkerEnvironment;
import io.kubecdc.sink.health.HealthRetryListener;
import io.kubecdc.sink.health.HealthState;
import io.kubecdc.sink.health.HttpEndpoint;
import io.kubecdc.sink.kafka.BoundedDeadLetters;
import io.kubecdc.sink.kafka.DeadLetters;
import io.kubecdc.sink.kafka.KafkaClients;
import io.kubecdc.sink.kafka.KafkaDeadLetters;
import io.kubecdc.sink.kafka.KafkaProbe;
import io.kubecdc.sink.kafka.RecordFetcher;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.pipeline.FlushPolicy;
import io.kubecdc.sink.pipeline.InsertPipeline;
import io.kubecdc.sink.pipeline.ParallelDecoding;
import io.kubecdc.sink.pipeline.SinkContext;
import io.kubecdc.sink.pipeline.SinkLoop;
import io.kubecdc.sink.pipeline.TableSink;
import io.kubecdc.sink.retry.Backoff;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.retry.StoppedException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires one sink-worker: HTTP endpoint, ClickHouse gateway and probe, dead-letter producer, target
 * tables, and the consume loop. {@link #run()} blocks until {@link #stop()}.
 */
public final class SinkWorker {
  private static final Logger log = LoggerFactory.getLogger(SinkWorker.class);

  private final SinkConfig config;
  private final WorkerEnvironment env;
  private final Codec codec;
  private final SinkMetrics metrics = new SinkMetrics();
  private final HealthState health = new HealthState();
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Dependencies dependencies;
  private volatile HttpEndpoint http;
  private volatile SinkLoop loop;

  public SinkWorker(SinkConfig config, WorkerEnvironment env, Codec codec) {
    this.config = config;
    this.env = env;
    this.codec = codec;
    this.dependencies = new Dependencies(config.health(), health, metrics);
  }

  /** Starts the HTTP endpoint; returns its port (useful when {@code http.port} is 0). */
  public int startHttp() throws IOException {
    if (http == null) {
      http = HttpEndpoint.start(config.http().port(), health, metrics);
    }
    return http.port();
  }

  public void run() throws IOException {
    StartupTimer startup = new StartupTimer();
    startHttp();
    startup.step("http");
    // the consumer's construction (class loading, mostly) overlaps the ClickHouse side of the start
    CompletableFuture<KafkaConsumer<byte[], byte[]>> consumer =
        CompletableFuture.supplyAsync(
            () -> KafkaClients.consumer(config.kafka(), env),
            r -> new Thread(r, "sink-start").start());
    metrics.initDeadLetters(config.tables().stream().map(TableConfig::topic).toList());
    Retrier retrier =
        new Retrier(
            Backoff.standard(),
            dependencies.pause(),
            new HealthRetryListener(health, metrics, dependencies.monitors()),
            () -> stopSignal.getCount() == 0);
    try (ClickHouseGateway gateway =
            new ClientV2Gateway(
                config.clickhouse(), env.clickhousePassword(), config.health().probeTimeout());
        DeadLetters deadLetters =
            new BoundedDeadLetters(
                new KafkaDeadLetters(
                    KafkaClients.producer(config.kafka(), env),
                    config.deadLetterTopic(),
                    retrier,
                    metrics,
                    new RecordFetcher(() -> KafkaClients.reader(config.kafka(), env)),
                    Duration.ofMillis(
                        KafkaClients.deliveryTimeout(config.kafka()) + config.kafka().timeoutMs())),
                config.deadLetterLimit(),
                System::nanoTime);
        InsertPipeline pipeline = InsertPipeline.background();
        // closed first: no probe may run against the closed clients and report an outage
        Dependencies probing =
            dependencies.startProbes(
                gateway,
                new KafkaProbe(
                    KafkaClients.admin(config.kafka(), env, config.health().probeTimeout()),
                    config.kafka().groupId(),
                    config.health().probeTimeout()))) {
      startup.step("clients");
      SinkContext ctx =
          new SinkContext(
              gateway,
              deadLetters,
              codec,
              retrier,
              metrics,
              FlushPolicy.of(config.batch()),
              config.truncate(),
              System::nanoTime,
              pipeline);
      TableBootstrap bootstrap = new TableBootstrap(gateway, codec.schema(), retrier);
      Map<String, TableSink> sinks = new HashMap<>();
      for (TableConfig table : config.tables()) {
        sinks.put(
            table.topic(), new TableSink(bootstrap.ensure(table), ctx, table.droppedColumns()));
      }
      startup.step("tables");
      loop =
          new SinkLoop(
              join(consumer),
              codec.decoders(),
              ParallelDecoding.defaultThreads(),
              sinks,
              ctx,
              health,
              config.kafka().timeout(),
              dependencies.kafka()::up);
      if (stopSignal.getCount() == 0) {
        loop.stop();
      }
      startup.step("consumer_wait");
      health.started();
      log.info(
          "event=started group={} topics={} env={} {}",
          config.kafka().groupId(),
          config.topics(),
          env,
          startup.summary());
      loop.run();
    } catch (StoppedException e) {
      log.warn("event=stopped_during_start reason=\"{}\"", e.getMessage());
    } finally {
      dependencies.close();
      if (loop == null) {
        consumer.thenAccept(KafkaConsumer::close); // the loop closes it once it runs
      }
      if (http != null) {
        http.close();
      }
      stopped.countDown();
    }
  }

  /** The future's value; its failure as thrown by the task, not wrapped. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /** Asks the worker to flush, commit and stop; waits up to {@code timeoutMillis} for it. */
  public boolean stop(long timeoutMillis) throws InterruptedException {
    stopSignal.countDown();
    dependencies.pause().stop();
    SinkLoop current = loop;
    if (current != null) {
      current.stop();
    }
    return stopped.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  public HealthState health() {
    return health;
  }

  public SinkMetrics metrics() {
    return metrics;
  }
}
