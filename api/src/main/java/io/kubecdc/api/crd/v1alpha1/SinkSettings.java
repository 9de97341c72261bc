package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The sink-worker Deployment of the pipeline. */
public class SinkSettings {
  @JsonPropertyDescription(
      "Worker replicas; at most topics.partitions (each replica reads a share of the partitions).")
  @Default("1")
  @Min(1)
  @Max(100)
  private int replicas = 1;

  @JsonPropertyDescription(
      "CPU and memory of a worker; unset: the CdcEnvironment's spec.sink.resources.")
  private ResourceRequirements resources;

  @JsonPropertyDescription("How the worker batches inserts into ClickHouse.")
  @Default("{}")
  private BatchSettings batch = new BatchSettings();

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public BatchSettings getBatch() {
    return batch;
  }

  public void setBatch(BatchSettings batch) {
    this.batch = batch;
  }
}
