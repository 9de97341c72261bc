package io.kubecdc.sink.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The worker's Prometheus metrics, in their own registry. Names all start with {@code
 * kubecdc_sink_}; table labels are {@code database.table}.
 */
public final class SinkMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Map<String, Long> lastSourceTsMillis = new ConcurrentHashMap<>();
  private final LongSupplier clockMillis;

  private final Counter events =
      counter("kubecdc_sink_events_total", "Change events consumed", "table", "op");
  private final Counter rowsWritten =
      counter("kubecdc_sink_rows_written_total", "Rows acknowledged by ClickHouse", "table");
  private final Counter deadLetters =
      counter(
          "kubecdc_sink_dead_letters_total",
          "Records sent to the dead-letter topic",
          "topic",
          "reason");
  private final Counter errors = counter("kubecdc_sink_errors_total", "Errors by kind", "kind");
  private final Counter toastLookups =
      counter(
          "kubecdc_sink_toast_lookups_total",
          "Unchanged TOAST values resolved, by where the value came from",
          "table",
          "source");
  private final Counter truncates =
      counter("kubecdc_sink_truncates_total", "Source truncates, by action", "table", "action");
  private final Counter schemaChanges =
      counter(
          "kubecdc_sink_schema_changes_total",
          "Columns added to or widened in target tables",
          "table");
  private final Counter outOfRange =
      counter(
          "kubecdc_sink_out_of_range_values_total",
          "Date and time values clamped or nulled to fit their ClickHouse column",
          "table");
  private final Counter commits =
      counter("kubecdc_sink_offset_commits_total", "Successful offset commits");
  private final Histogram batchRows =
      Histogram.builder()
          .name("kubecdc_sink_batch_rows")
          .help("Rows per ClickHouse insert")
          .labelNames("table")
          .classicOnly()
          .classicExponentialUpperBounds(1, 4, 10)
          .register(registry);
  private final Histogram insertSeconds =
      Histogram.builder()
          .name("kubecdc_sink_insert_duration_seconds")
          .help("Latency of acknowledged ClickHouse inserts")
          .labelNames("table")
          .classicOnly()
          .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
          .register(registry);
  private final Histogram commitToAck =
      Histogram.builder()
          .name("kubecdc_sink_commit_to_ack_seconds")
          .help("Per row: from its source commit to ClickHouse acknowledging its insert")
          .labelNames("table")
          .classicOnly()
          .classicUpperBounds(
              0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 7.5, 10,
              15, 20, 30, 60)
          .register(registry);
  private final Gauge lag =
      Gauge.builder()
          .name("kubecdc_sink_consumer_lag")
          .help("Records between the consumer position and the partition end")
          .labelNames("topic", "partition")
          .register(registry);
  private final Gauge dependencyUp =
      Gauge.builder()
          .name("kubecdc_sink_dependency_up")
          .help("1 while the dependency (clickhouse, kafka) answers and no call to it retries")
          .labelNames("dependency")
          .register(registry);
  private final Counter outages =
      counter(
          "kubecdc_sink_dependency_outages_total",
          "Times a dependency went from up to down",
          "dependency");
  private final Gauge ready =
      Gauge.builder().name("kubecdc_sink_ready").help("1 when ready").register(registry);
  private final Gauge halted =
      Gauge.builder()
          .name("kubecdc_sink_halted")
          .help("1 when the worker halted because of this topic (dead-letter limit exceeded)")
          .labelNames("topic")
          .register(registry);

  public SinkMetrics() {
    this(System::currentTimeMillis);
  }

  public SinkMetrics(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
    GaugeWithCallback.builder()
        .name("kubecdc_sink_freshness_seconds")
        .help("Now minus the source timestamp of the last row written, per table")
        .labelNames("table")
        .callback(
            cb ->
                lastSourceTsMillis.forEach(
                    (table, ts) -> cb.call((this.clockMillis.getAsLong() - ts) / 1000.0, table)))
        .register(registry);
  }

  private Counter counter(String name, String help, String... labels) {
    return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
  }

  public void event(String table, String op) {
    events.labelValues(table, op).inc();
  }

  /** One acknowledged insert of {@code rows} rows, the newest with source time {@code maxTs}. */
  public void inserted(String table, int rows, double seconds, long maxSourceTsMillis) {
    rowsWritten.labelValues(table).inc(rows);
    batchRows.labelValues(table).observe(rows);
    insertSeconds.labelValues(table).observe(seconds);
    if (maxSourceTsMillis > 0) {
      lastSourceTsMillis.merge(table, maxSourceTsMillis, Math::max);
    }
  }

  /** {@code rows} rows committed at the source at {@code sourceMillis} are in ClickHouse now. */
  public void acknowledged(String table, long sourceMillis, int rows) {
    double seconds = Math.max(0, clockMillis.getAsLong() - sourceMillis) / 1000.0;
    var histogram = commitToAck.labelValues(table);
    for (int i = 0; i < rows; i++) {
      histogram.observe(seconds);
    }
  }

  /**
   * The error kinds whose series exist from the start at 0 (others appear when they first occur):
   * the outages and refusals a dashboard or an alert watches, so that their first occurrence is an
   * increase Prometheus sees.
   */
  public static final List<String> WATCHED_ERROR_KINDS =
      List.of(
          "clickhouse_unavailable",
          "kafka_unavailable",
          "clickhouse_rejected",
          "decode",
          "encode",
          "commit_failed");

  {
    WATCHED_ERROR_KINDS.forEach(kind -> errors.labelValues(kind));
  }

  /** Every reason a row can be dead-lettered for; see the README, Dead letters. */
  public static final List<String> DEAD_LETTER_REASONS =
      List.of("decode", "encode", "schema_change", "truncate", "rejected");

  /**
   * Starts the dead-letter counters of these topics at 0, so that a first dead letter is an
   * increase Prometheus sees ({@code increase()} of a series that appears at 1 is 0) and the series
   * exist before anything goes wrong.
   */
  public void initDeadLetters(Collection<String> topics) {
    for (String topic : topics) {
      DEAD_LETTER_REASONS.forEach(reason -> deadLetters.labelValues(topic, reason));
    }
  }

  public void deadLetter(String topic, String reason) {
    deadLetters.labelValues(topic, reason).inc();
  }

  public void error(String kind) {
    errors.labelValues(kind).inc();
  }

  public void toastLookup(String table, String source) {
    toastLookups.labelValues(table, source).inc();
  }

  public void truncate(String table, String action) {
    truncates.labelValues(table, action).inc();
  }

  public void schemaChange(String table, int columns) {
    schemaChanges.labelValues(table).inc(columns);
  }

  public void outOfRange(String table, long values) {
    outOfRange.labelValues(table).inc(values);
  }

  public void committed() {
    commits.inc();
  }

  public void lag(String topic, int partition, long records) {
    lag.labelValues(topic, Integer.toString(partition)).set(records);
  }

  public void halted(String topic) {
    halted.labelValues(topic).set(1);
  }

  public void dependencyUp(String dependency, boolean up) {
    dependencyUp.labelValues(dependency).set(up ? 1 : 0);
  }

  public void outage(String dependency) {
    outages.labelValues(dependency).inc();
  }

  public void ready(boolean isReady) {
    ready.set(isReady ? 1 : 0);
  }

  public String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }

  /** Writes every metric in the Prometheus text format. */
  public void writeTo(OutputStream out) throws IOException {
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
  }
}
