package io.kubecdc.sink.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SinkMetricsTest {
  @Test
  void shouldExposeEveryMetricInPrometheusText() throws Exception {
    AtomicLong now = new AtomicLong(10_000);
    SinkMetrics m = new SinkMetrics(now::get);
    m.event("db.orders", "create");
    m.inserted("db.orders", 20, 0.03, 7_500);
    m.lag("orders", 0, 42);
    m.deadLetter("orders", "decode");
    m.error("clickhouse_unavailable");
    m.toastLookup("db.orders", "clickhouse");
    m.truncate("db.orders", "deleted");
    m.schemaChange("db.orders", 2);
    m.acknowledged("db.orders", 9_700, 3);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    String text = out.toString(StandardCharsets.UTF_8);

    assertThat(text)
        .contains("kubecdc_sink_events_total{op=\"create\",table=\"db.orders\"} 1.0")
        .contains("kubecdc_sink_rows_written_total{table=\"db.orders\"} 20.0")
        .contains("kubecdc_sink_batch_rows_bucket{table=\"db.orders\",le=\"64.0\"} 1")
        .contains("kubecdc_sink_insert_duration_seconds_count{table=\"db.orders\"} 1")
        .contains("kubecdc_sink_consumer_lag{partition=\"0\",topic=\"orders\"} 42.0")
        .contains("kubecdc_sink_freshness_seconds{table=\"db.orders\"} 2.5")
        .contains("kubecdc_sink_dead_letters_total{reason=\"decode\",topic=\"orders\"} 1.0")
        .contains("kubecdc_sink_errors_total{kind=\"clickhouse_unavailable\"} 1.0")
        .contains("kubecdc_sink_toast_lookups_total{source=\"clickhouse\",table=\"db.orders\"} 1.0")
        .contains("kubecdc_sink_truncates_total{action=\"deleted\",table=\"db.orders\"} 1.0")
        .contains("kubecdc_sink_schema_changes_total{table=\"db.orders\"} 2.0")
        .contains("kubecdc_sink_commit_to_ack_seconds_bucket{table=\"db.orders\",le=\"0.25\"} 0")
        .contains("kubecdc_sink_commit_to_ack_seconds_bucket{table=\"db.orders\",le=\"0.3\"} 3")
        .contains("kubecdc_sink_commit_to_ack_seconds_count{table=\"db.orders\"} 3");
    assertThat(m.contentType()).startsWith("text/plain");
  }
}
