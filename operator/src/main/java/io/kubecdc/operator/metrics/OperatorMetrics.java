package io.kubecdc.operator.metrics;

import io.kubecdc.api.crd.v1alpha1.CdcPipelineStatus;
import io.kubecdc.api.crd.v1alpha1.SlotStatus;
import io.kubecdc.api.crd.v1alpha1.TableStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the operator knows of each pipeline, for Prometheus: the same figures as the status, so that
 * the chart's alerts and dashboard say what {@code kubectl get cdcpipelines} says. The sink-workers
 * export their own freshness (since the last written row), throughput and dead letters; these are
 * the figures only the operator sees (readiness of the whole chain, lag and freshness from group
 * offsets, the source's slot). A pipeline that is deleted, or a table removed from one, leaves no
 * stale series behind.
 */
public final class OperatorMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Map<String, Set<List<String>>> tableLabels = new ConcurrentHashMap<>();
  private final Map<String, List<String>> slotLabels = new ConcurrentHashMap<>();

  private final Gauge ready =
      Gauge.builder()
          .name("kubecdc_pipeline_ready")
          .help("1 when the pipeline's Ready condition is True")
          .labelNames("namespace", "pipeline")
          .register(registry);
  private final Gauge lag =
      Gauge.builder()
          .name("kubecdc_pipeline_table_lag_records")
          .help("Records of a table in Kafka not yet committed by its sink-worker")
          .labelNames("namespace", "pipeline", "table")
          .register(registry);
  private final Gauge freshness =
      Gauge.builder()
          .name("kubecdc_pipeline_freshness_seconds")
          .help(
              "Seconds ClickHouse is behind the source, stalest table: 0 when the sink-worker"
                  + " committed everything in Kafka, else the age of the oldest event it has not;"
                  + " absent when unknown")
          .labelNames("namespace", "pipeline")
          .register(registry);
  private final Gauge slotWal =
      Gauge.builder()
          .name("kubecdc_pipeline_slot_retained_wal_bytes")
          .help("WAL the pipeline's replication slot keeps on the source")
          .labelNames("namespace", "pipeline", "slot")
          .register(registry);
  private final Counter reconciles =
      Counter.builder()
          .name("kubecdc_operator_reconciles_total")
          .help("Reconciles by outcome: ready, not_ready, error")
          .labelNames("namespace", "pipeline", "outcome")
          .register(registry);

  /** Records a pipeline's new status. */
  public void record(String namespace, String pipeline, CdcPipelineStatus status) {
    boolean isReady =
        status.getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    ready.labelValues(namespace, pipeline).set(isReady ? 1 : 0);
    reconciles.labelValues(namespace, pipeline, isReady ? "ready" : "not_ready").inc();
    if (status.getFreshnessSeconds() == null) {
      freshness.remove(namespace, pipeline);
    } else {
      freshness.labelValues(namespace, pipeline).set(status.getFreshnessSeconds());
    }
    String key = namespace + "/" + pipeline;
    Set<List<String>> now = ConcurrentHashMap.newKeySet();
    for (TableStatus t : status.getTables()) {
      if (t.getLag() != null) {
        List<String> labels = List.of(namespace, pipeline, t.getName());
        lag.labelValues(labels.toArray(String[]::new)).set(t.getLag());
        now.add(labels);
      }
    }
    Set<List<String>> before = tableLabels.put(key, now);
    if (before != null) {
      before.stream()
          .filter(l -> !now.contains(l))
          .forEach(l -> lag.remove(l.toArray(String[]::new)));
    }
    SlotStatus slot = status.getSlot();
    List<String> slotNow =
        slot == null || slot.getRetainedWalBytes() == null
            ? null
            : List.of(namespace, pipeline, slot.getName());
    List<String> slotBefore =
        slotNow == null ? slotLabels.remove(key) : slotLabels.put(key, slotNow);
    if (slotBefore != null && !slotBefore.equals(slotNow)) {
      slotWal.remove(slotBefore.toArray(String[]::new));
    }
    if (slotNow != null) {
      slotWal.labelValues(slotNow.toArray(String[]::new)).set(slot.getRetainedWalBytes());
    }
  }

  /** Counts a reconcile that ended in an exception (the driver retries it). */
  public void error(String namespace, String pipeline) {
    reconciles.labelValues(namespace, pipeline, "error").inc();
  }

  /** Drops every series of a deleted pipeline. */
  public void forget(String namespace, String pipeline) {
    String key = namespace + "/" + pipeline;
    ready.remove(namespace, pipeline);
    freshness.remove(namespace, pipeline);
    Set<List<String>> tables = tableLabels.remove(key);
    if (tables != null) {
      tables.forEach(l -> lag.remove(l.toArray(String[]::new)));
    }
    List<String> slot = slotLabels.remove(key);
    if (slot != null) {
      slotWal.remove(slot.toArray(String[]::new));
    }
    for (String outcome : List.of("ready", "not_ready", "error")) {
      reconciles.remove(namespace, pipeline, outcome);
    }
  }

  public void writeTo(OutputStream out) throws IOException {
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
  }

  public String contentType() {
    return PrometheusTextFormatWriter.CONTENT_TYPE;
  }
}
