package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The Debezium connector as the Kafka Connect REST API reports it. */
public class ConnectorStatus {
  @JsonPropertyDescription("Connector name in Kafka Connect: <namespace>.<pipeline>.")
  private String name;

  @JsonPropertyDescription("RUNNING, PAUSED, FAILED, UNASSIGNED or RESTARTING.")
  private String state;

  @JsonPropertyDescription("The connector's tasks.")
  private List<TaskStatus> tasks = new ArrayList<>();

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }

  public List<TaskStatus> getTasks() {
    return tasks;
  }

  public void setTasks(List<TaskStatus> tasks) {
    this.tasks = tasks;
  }
}
