package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One checkpoint generation as observed: its state, its times, its rows and why it is so. */
public class GenerationStatus {
  @JsonPropertyDescription("The spec.checkpoint.version of this generation.")
  private int version;

  @JsonPropertyDescription("Building, Switching, Live or Retired.")
  private GenerationState state;

  @JsonPropertyDescription("When the operator started building it (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the stable views switched to it.")
  private String liveAt;

  @JsonPropertyDescription("When it was replaced by a newer generation.")
  private String retiredAt;

  @JsonPropertyDescription("Current rows over its tables at the last check (FINAL, not deleted).")
  private Long rows;

  @JsonPropertyDescription("Where its rows come from: Topics or Snapshot.")
  private RebuildSource source;

  @JsonPropertyDescription("Why that source.")
  private String sourceReason;

  @JsonPropertyDescription(
      "With source Snapshot: the id of the incremental-snapshot signal sent for its tables.")
  private String snapshotSignal;

  @JsonPropertyDescription(
      "With source Snapshot: how many incremental snapshots were asked for (more than one when"
          + " the build lacked rows of the live generation after one completed).")
  private Integer snapshots;

  @JsonPropertyDescription(
      "True once a retired generation's tables were dropped (previousTables Drop, after"
          + " retainPreviousFor).")
  private Boolean tablesDropped;

  @JsonPropertyDescription(
      "The last decision about it: why it switched in, why it does not yet, why it was replaced.")
  private String message;

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }

  public GenerationState getState() {
    return state;
  }

  public void setState(GenerationState state) {
    this.state = state;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getLiveAt() {
    return liveAt;
  }

  public void setLiveAt(String liveAt) {
    this.liveAt = liveAt;
  }

  public String getRetiredAt() {
    return retiredAt;
  }

  public void setRetiredAt(String retiredAt) {
    this.retiredAt = retiredAt;
  }

  public Long getRows() {
    return rows;
  }

  public void setRows(Long rows) {
    this.rows = rows;
  }

  public RebuildSource getSource() {
    return source;
  }

  public void setSource(RebuildSource source) {
    this.source = source;
  }

  public String getSourceReason() {
    return sourceReason;
  }

  public void setSourceReason(String sourceReason) {
    this.sourceReason = sourceReason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Boolean getTablesDropped() {
    return tablesDropped;
  }

  public void setTablesDropped(Boolean tablesDropped) {
    this.tablesDropped = tablesDropped;
  }

  public String getSnapshotSignal() {
    return snapshotSignal;
  }

  public void setSnapshotSignal(String snapshotSignal) {
    this.snapshotSignal = snapshotSignal;
  }

  public Integer getSnapshots() {
    return snapshots;
  }

  public void setSnapshots(Integer snapshots) {
    this.snapshots = snapshots;
  }
}
