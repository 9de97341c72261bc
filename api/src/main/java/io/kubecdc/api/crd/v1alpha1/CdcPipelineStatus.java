package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed, as of {@link #getObservedGeneration()}. */
public class CdcPipelineStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription("One-word summary: Pending, Snapshotting, Streaming, Paused, ...")
  private Phase phase;

  @JsonPropertyDescription(
      "Standard conditions: one per part (SourceReady, TopicsReady, TablesReady, ConnectorReady,"
          + " SinkReady) and Ready, each with reason and message.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Per source table: topic, ClickHouse table, lag and freshness.")
  private List<TableStatus> tables = new ArrayList<>();

  @JsonPropertyDescription("Tables streaming out of tables declared, e.g. 2/3.")
  private String tablesReady;

  @JsonPropertyDescription("Records not yet written to ClickHouse, over all tables.")
  private Long lag;

  @JsonPropertyDescription(
      "Freshness of the stalest table (tables[].freshnessSeconds), in seconds: 0 when ClickHouse"
          + " holds every event Kafka has. Absent when a table's freshness is unknown.")
  private Long freshnessSeconds;

  @JsonPropertyDescription("The Debezium connector and its tasks as Kafka Connect reports them.")
  private ConnectorStatus connector;

  @JsonPropertyDescription("Health of the replication slot on the source.")
  private SlotStatus slot;

  @JsonPropertyDescription(
      "Checkpoint generations, oldest first: the live one, one being built, the retired ones whose"
          + " tables are still kept.")
  private List<GenerationStatus> generations = new ArrayList<>();

  @JsonPropertyDescription(
      "Hash of the environment-independent spec: equal in every namespace for the same manifest.")
  private String revision;

  @JsonPropertyDescription(
      "The revision that runs, its spec, and since when it has been Ready and caught up.")
  private AppliedRevision applied;

  @JsonPropertyDescription(
      "Records ever written to the pipeline's dead-letter topic (sum of its end offsets).")
  private Long deadLetters;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<TableStatus> getTables() {
    return tables;
  }

  public void setTables(List<TableStatus> tables) {
    this.tables = tables;
  }

  public String getTablesReady() {
    return tablesReady;
  }

  public void setTablesReady(String tablesReady) {
    this.tablesReady = tablesReady;
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

  public ConnectorStatus getConnector() {
    return connector;
  }

  public void setConnector(ConnectorStatus connector) {
    this.connector = connector;
  }

  public SlotStatus getSlot() {
    return slot;
  }

  public void setSlot(SlotStatus slot) {
    this.slot = slot;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public List<GenerationStatus> getGenerations() {
    return generations;
  }

  public void setGenerations(List<GenerationStatus> generations) {
    this.generations = generations;
  }

  public AppliedRevision getApplied() {
    return applied;
  }

  public void setApplied(AppliedRevision applied) {
    this.applied = applied;
  }

  public Long getDeadLetters() {
    return deadLetters;
  }

  public void setDeadLetters(Long deadLetters) {
    this.deadLetters = deadLetters;
  }
}
