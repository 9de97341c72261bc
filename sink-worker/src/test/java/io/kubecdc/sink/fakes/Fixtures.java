package io.kubecdc.sink.fakes;

import io.kubecdc.sink.codec.Codec;
import io.kubecdc.sink.codec.SchemaStatements;
import io.kubecdc.sink.config.DeadLetterLimit;
import io.kubecdc.sink.config.TruncatePolicy;
import io.kubecdc.sink.kafka.BoundedDeadLetters;
import io.kubecdc.sink.metrics.SinkMetrics;
import io.kubecdc.sink.pipeline.FlushPolicy;
import io.kubecdc.sink.pipeline.InsertPipeline;
import io.kubecdc.sink.pipeline.SinkContext;
import io.kubecdc.sink.retry.Backoff;
import io.kubecdc.sink.retry.Retrier;
import io.kubecdc.sink.retry.RetryListener;
import io.kubecdc.sink.table.ColumnSpec;
import io.kubecdc.sink.table.TableLayout;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** A {@link SinkContext} of fakes with a hand-driven clock. */
public final class Fixtures {
  public final FakeGateway gateway = new FakeGateway();
  public final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
  public final SinkMetrics metrics = new SinkMetrics();
  public final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  public final List<Duration> sleeps = new java.util.ArrayList<>();
  public volatile boolean stopping;

  /** Runs at every backoff sleep: a test fixes the cause of a failure here. */
  public Runnable onSleep = () -> {};

  /** When set, dead letters go through a {@link BoundedDeadLetters} with this limit. */
  public DeadLetterLimit deadLetterLimit;

  public TruncatePolicy truncate = TruncatePolicy.DELETE;
  public FlushPolicy policy =
      new FlushPolicy(3, 1_000_000, Duration.ofMillis(200), Duration.ofSeconds(1));

  public static final TableLayout ORDERS =
      new TableLayout(
          "db",
          "orders",
          List.of("id"),
          List.of(new ColumnSpec("id", "Int64"), new ColumnSpec("name", "Nullable(String)")));

  /** DDL a test can read: "CREATE db.orders(id,name)", "ADD db.orders(note)". */
  public static final SchemaStatements SCHEMA =
      new SchemaStatements() {
        @Override
        public String createTable(TableLayout layout) {
          return "CREATE " + layout.qualifiedName() + names(layout.columns());
        }

        @Override
        public String addColumns(TableLayout layout, List<ColumnSpec> added) {
          return "ADD " + layout.qualifiedName() + names(added);
        }
      };

  static String names(List<ColumnSpec> columns) {
    return columns.stream().map(ColumnSpec::name).collect(Collectors.joining(",", "(", ")"));
  }

  public Retrier retrier() {
    return new Retrier(
        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0, () -> 0),
        d -> {
          sleeps.add(d);
          onSleep.run();
        },
        RetryListener.NONE,
        () -> stopping);
  }

  public SinkContext context() {
    Codec codec =
        new Codec(
            () ->
                v -> {
                  throw new UnsupportedOperationException();
                },
            FakeBatch::new,
            SCHEMA);
    return new SinkContext(
        gateway,
        deadLetterLimit == null
            ? deadLetters
            : new BoundedDeadLetters(deadLetters, deadLetterLimit, nanos::get),
        codec,
        retrier(),
        metrics,
        policy,
        truncate,
        nanos::get,
        InsertPipeline.direct());
  }

  public String scrape() throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    metrics.writeTo(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
