package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The dashboard table of one captured table, as ClickHouse reports it (system.view_refreshes). */
public class DashboardTableStatus {
  @JsonPropertyDescription("The table dashboards read, database.<table>_current.")
  private String name;

  @JsonPropertyDescription(
      "The refresh state ClickHouse reports (Scheduled, Running, ...), Failed when the last"
          + " refresh raised an error, Unknown before the first report.")
  private String refreshStatus;

  @JsonPropertyDescription("When the last refresh succeeded (RFC 3339, UTC).")
  private String lastRefreshTime;

  @JsonPropertyDescription("The error of the last refresh when it failed.")
  private String error;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRefreshStatus() {
    return refreshStatus;
  }

  public void setRefreshStatus(String refreshStatus) {
    this.refreshStatus = refreshStatus;
  }

  public String getLastRefreshTime() {
    return lastRefreshTime;
  }

  public void setLastRefreshTime(String lastRefreshTime) {
    this.lastRefreshTime = lastRefreshTime;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }
}
