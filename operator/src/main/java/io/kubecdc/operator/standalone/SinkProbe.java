package io.kubecdc.operator.standalone;

import java.util.Map;

/** What the running worker says about itself on its HTTP port. */
public interface SinkProbe {
  /** {@code /readyz}: 200 ready, 503 with one reason a line; -1 when nothing answers. */
  Reply readyz();

  /** {@code kubecdc_sink_freshness_seconds} per ClickHouse table ({@code database.table}). */
  Map<String, Double> freshnessSeconds();

  record Reply(int status, String body) {}
}
