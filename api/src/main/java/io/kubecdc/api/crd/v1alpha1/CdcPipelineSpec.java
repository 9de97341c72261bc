package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * What to capture: the source by its logical name, the tables, the ClickHouse database, topic and
 * sink settings, the checkpoint generation. Nothing here differs between dev, staging and prod.
 */
@ValidationRule(
    value =
        "(has(self.sink) && has(self.sink.replicas) ? self.sink.replicas : 1)"
            + " <= (has(self.topics) && has(self.topics.partitions) ? self.topics.partitions : 1)",
    message = "sink.replicas must not exceed topics.partitions: extra workers would stay idle",
    reason = "FieldValueInvalid")
public class CdcPipelineSpec {
  @JsonPropertyDescription(
      "Name of the CdcEnvironment in the same namespace that says where the source, Kafka,"
          + " Kafka Connect and ClickHouse are.")
  @Default("default")
  @Pattern(Names.DNS_LABEL)
  private String environment = "default";

  @JsonPropertyDescription("The PostgreSQL source (by logical name) and the tables to capture.")
  @Required
  private SourceSelection source;

  @JsonPropertyDescription("Where the tables land in ClickHouse.")
  @Required
  private ClickHouseTarget clickhouse;

  @JsonPropertyDescription("Settings of the Kafka topics, one per table.")
  @Default("{}")
  private TopicSettings topics = new TopicSettings();

  @JsonPropertyDescription("Size and batching of the sink-worker that writes into ClickHouse.")
  @Default("{}")
  private SinkSettings sink = new SinkSettings();

  @JsonPropertyDescription(
      "The generation of derived state (consumer group, target tables, worker). Raise it to"
          + " rebuild; it can never be lowered.")
  @Default("{}")
  private Checkpoint checkpoint = new Checkpoint();

  @JsonPropertyDescription(
      "Pause capture: the connector is paused and the sink-worker is scaled to zero; the"
          + " replication slot is kept (and keeps WAL), resuming continues where it stopped.")
  @Default("false")
  private boolean paused;

  @JsonPropertyDescription(
      "What happens to topics and tables when the pipeline is deleted. The replication slot and"
          + " the publication are always dropped.")
  @Default("{}")
  private DeletionPolicy deletionPolicy = new DeletionPolicy();

  public String getEnvironment() {
    return environment;
  }

  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  public SourceSelection getSource() {
    return source;
  }

  public void setSource(SourceSelection source) {
    this.source = source;
  }

  public ClickHouseTarget getClickhouse() {
    return clickhouse;
  }

  public void setClickhouse(ClickHouseTarget clickhouse) {
    this.clickhouse = clickhouse;
  }

  public TopicSettings getTopics() {
    return topics;
  }

  public void setTopics(TopicSettings topics) {
    this.topics = topics;
  }

  public SinkSettings getSink() {
    return sink;
  }

  public void setSink(SinkSettings sink) {
    this.sink = sink;
  }

  public Checkpoint getCheckpoint() {
    return checkpoint;
  }

  public void setCheckpoint(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  public boolean isPaused() {
    return paused;
  }

  public void setPaused(boolean paused) {
    this.paused = paused;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
