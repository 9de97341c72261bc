package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/**
 * A query-friendly copy of a table's current rows for dashboards: a plain MergeTree table {@code
 * <table>_current} that a ClickHouse refreshable materialized view replaces every {@code
 * refreshEvery} with the stable view's rows. Readers then pay no {@code FINAL} merge per query, at
 * the price of staleness up to the interval, a full recompute per refresh and a second copy of the
 * rows; the stable view stays the exact, always-current name.
 */
public class DashboardTable {
  @JsonPropertyDescription(
      "false turns the dashboard table off for this table when the pipeline's"
          + " clickhouse.dashboardTables turns it on for every table.")
  @Default("true")
  private boolean enabled = true;

  @JsonPropertyDescription(
      "How often <table>_current is recomputed from the stable view (REFRESH EVERY): a whole"
          + " number with s, m or h; readers see rows at most this old plus one refresh.")
  @Default("1m")
  @Pattern("^[1-9][0-9]*(s|m|h)$")
  private String refreshEvery = "1m";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getRefreshEvery() {
    return refreshEvery;
  }

  public void setRefreshEvery(String refreshEvery) {
    this.refreshEvery = refreshEvery;
  }
}
