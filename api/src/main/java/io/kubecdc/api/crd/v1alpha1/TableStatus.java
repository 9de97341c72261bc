package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One captured table as observed. */
public class TableStatus {
  @JsonPropertyDescription("Source table, schema.table.")
  private String name;

  @JsonPropertyDescription("Kafka topic of the table's change events.")
  private String topic;

  @JsonPropertyDescription("ClickHouse table, database.table.")
  private String clickhouseTable;

  @JsonPropertyDescription("Records in the topic not yet committed by the sink-worker.")
  private Long lag;

  @JsonPropertyDescription(
      "How far ClickHouse is behind the source for this table, in seconds: 0 when the"
          + " sink-worker has committed every event of the topic, else now minus the Kafka"
          + " timestamp of the oldest event it has not committed yet. Absent when Kafka could not"
          + " say.")
  private Long freshnessSeconds;

  @JsonPropertyDescription(
      "Snapshotting while the existing rows of a table added to a running pipeline are being"
          + " backfilled (an incremental snapshot), SourceTableMissing when the source table no"
          + " longer exists, Streaming otherwise.")
  private TablePhase phase;

  @JsonPropertyDescription(
      "Change events of this table that the sink-worker could not write and sent to the"
          + " pipeline's dead-letter topic, counted by the operator from that topic (after an"
          + " operator restart, those the topic's retention still keeps). Each record keeps the"
          + " original event, and the error in its headers.")
  private Long deadLetters;

  @JsonPropertyDescription(
      "The table's dashboard table (source.tables[].dashboardTable) and its last refresh, when"
          + " one is asked for.")
  private DashboardTableStatus dashboardTable;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getClickhouseTable() {
    return clickhouseTable;
  }

  public void setClickhouseTable(String clickhouseTable) {
    this.clickhouseTable = clickhouseTable;
  }

  public Long getLag() {
    return lag;
  }

  public void setLag(Long lag) {
    this.lag = lag;
  }

  public Long getFreshnessSeconds() {
    return freshnessSeconds;
  }

  public void setFreshnessSeconds(Long freshnessSeconds) {
    this.freshnessSeconds = freshnessSeconds;
  }

  public Long getDeadLetters() {
    return deadLetters;
  }

  public void setDeadLetters(Long deadLetters) {
    this.deadLetters = deadLetters;
  }

  public TablePhase getPhase() {
    return phase;
  }

  public void setPhase(TablePhase phase) {
    this.phase = phase;
  }

  public DashboardTableStatus getDashboardTable() {
    return dashboardTable;
  }

  public void setDashboardTable(DashboardTableStatus dashboardTable) {
    this.dashboardTable = dashboardTable;
  }
}
