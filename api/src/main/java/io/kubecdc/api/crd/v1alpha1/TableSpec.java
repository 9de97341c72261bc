package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/** One source table and how it lands in ClickHouse. */
public class TableSpec {
  @JsonPropertyDescription(
      "The source table as schema.table; quote a part that holds a dot or spaces as in SQL:"
          + " '\"Sales\".\"Order Items\"'.")
  @Required
  @Pattern(Names.QUALIFIED_TABLE)
  private String name;

  @JsonPropertyDescription("Columns not to capture (not sent to Kafka, not created in ClickHouse).")
  private List<String> excludeColumns = new ArrayList<>();

  @JsonPropertyDescription("Name of the ClickHouse table; default: the source table's name.")
  @Pattern(Names.CLICKHOUSE_NAME)
  private String target;

  @JsonPropertyDescription(
      "ClickHouse ORDER BY columns (also the deduplication key of ReplacingMergeTree); default:"
          + " the source primary key. Must contain every primary-key column.")
  private List<String> orderBy = new ArrayList<>();

  @JsonPropertyDescription("ClickHouse PARTITION BY expression, e.g. toYYYYMM(created_at).")
  private String partitionBy;

  @JsonPropertyDescription("ClickHouse TTL expression, e.g. created_at + INTERVAL 90 DAY.")
  private String ttl;

  @JsonPropertyDescription(
      "A query-friendly copy of the table's current rows for dashboards, <table>_current, refreshed"
          + " from the stable view; overrides clickhouse.dashboardTables. Omitted: the pipeline's"
          + " default (none unless clickhouse.dashboardTables is set).")
  private DashboardTable dashboardTable;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getExcludeColumns() {
    return excludeColumns;
  }

  public void setExcludeColumns(List<String> excludeColumns) {
    this.excludeColumns = excludeColumns;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public List<String> getOrderBy() {
    return orderBy;
  }

  public void setOrderBy(List<String> orderBy) {
    this.orderBy = orderBy;
  }

  public String getPartitionBy() {
    return partitionBy;
  }

  public void setPartitionBy(String partitionBy) {
    this.partitionBy = partitionBy;
  }

  public String getTtl() {
    return ttl;
  }

  public void setTtl(String ttl) {
    this.ttl = ttl;
  }

  public DashboardTable getDashboardTable() {
    return dashboardTable;
  }

  public void setDashboardTable(DashboardTable dashboardTable) {
    this.dashboardTable = dashboardTable;
  }
}
