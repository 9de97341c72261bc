package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The ClickHouse database that receives the pipeline's tables. */
public class ClickHouseTarget {
  @JsonPropertyDescription("ClickHouse database; created when missing.")
  @Required
  @Pattern(Names.CLICKHOUSE_NAME)
  private String database;

  @JsonPropertyDescription(
      "The pipeline's default for source.tables[].dashboardTable: a query-friendly copy"
          + " <table>_current of every table's current rows, refreshed from the stable view.")
  private DashboardTable dashboardTables;

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public DashboardTable getDashboardTables() {
    return dashboardTables;
  }

  public void setDashboardTables(DashboardTable dashboardTables) {
    this.dashboardTables = dashboardTables;
  }
}
