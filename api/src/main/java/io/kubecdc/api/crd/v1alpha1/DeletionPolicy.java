package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** What the finalizer does with the data when the pipeline is deleted. */
public class DeletionPolicy {
  /** Keep the object or delete it. */
  public enum Action {
    @JsonProperty("Retain")
    RETAIN,
    @JsonProperty("Delete")
    DELETE
  }

  @JsonPropertyDescription("Kafka topics: Retain (default) or Delete.")
  @Default("Retain")
  private Action topics = Action.RETAIN;

  @JsonPropertyDescription("ClickHouse tables: Retain (default) or Delete.")
  @Default("Retain")
  private Action tables = Action.RETAIN;

  public Action getTopics() {
    return topics;
  }

  public void setTopics(Action topics) {
    this.topics = topics;
  }

  public Action getTables() {
    return tables;
  }

  public void setTables(Action tables) {
    this.tables = tables;
  }
}
