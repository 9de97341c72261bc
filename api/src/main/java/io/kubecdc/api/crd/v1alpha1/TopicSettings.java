package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The Kafka topics of the pipeline, one per table, created before the connector starts. */
public class TopicSettings {
  /** Kafka's cleanup policies. */
  public enum CleanupPolicy {
    @JsonProperty("compact")
    COMPACT,
    @JsonProperty("delete")
    DELETE,
    @JsonProperty("compact,delete")
    COMPACT_DELETE
  }

  @JsonPropertyDescription(
      "Partitions per topic. Can grow (the operator adds partitions) but never shrink.")
  @Default("1")
  @Min(1)
  @Max(1000)
  private int partitions = 1;

  @JsonPropertyDescription(
      "cleanup.policy of the topics. 'compact' (default) keeps the last event of every row, so a"
          + " table can be rebuilt from its topic.")
  @Default("compact")
  private CleanupPolicy cleanupPolicy = CleanupPolicy.COMPACT;

  @JsonPropertyDescription(
      "retention.ms of the topics; -1 keeps events forever. With 'compact' it bounds only how"
          + " long deletes stay visible to late readers. Unset: the broker's default.")
  @Min(-1)
  private Long retentionMs;

  public int getPartitions() {
    return partitions;
  }

  public void setPartitions(int partitions) {
    this.partitions = partitions;
  }

  public CleanupPolicy getCleanupPolicy() {
    return cleanupPolicy;
  }

  public void setCleanupPolicy(CleanupPolicy cleanupPolicy) {
    this.cleanupPolicy = cleanupPolicy;
  }

  public Long getRetentionMs() {
    return retentionMs;
  }

  public void setRetentionMs(Long retentionMs) {
    this.retentionMs = retentionMs;
  }
}
