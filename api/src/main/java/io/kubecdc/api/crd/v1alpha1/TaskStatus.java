package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One connector task. */
public class TaskStatus {
  @JsonPropertyDescription("Task id.")
  private int id;

  @JsonPropertyDescription("RUNNING, PAUSED, FAILED, UNASSIGNED or RESTARTING.")
  private String state;

  @JsonPropertyDescription("For a failed task: the first line of its error, e.g. the exception.")
  private String reason;

  @JsonPropertyDescription("Restarts the operator made since the task last ran.")
  private int restarts;

  public int getId() {
    return id;
  }

  public void setId(int id) {
    this.id = id;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public int getRestarts() {
    return restarts;
  }

  public void setRestarts(int restarts) {
    this.restarts = restarts;
  }
}
