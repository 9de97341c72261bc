package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.Map;

/**
 * The revision the operator runs, and how it has done since. The spec is kept here because while a
 * newer revision waits for its promotion gate, the operator must go on reconciling the old one,
 * also after a restart; the times and figures are what another environment's gate reads. The spec
 * is kept as an opaque object: its schema, defaults and CEL rules are the spec's business, and a
 * rule that compares with the old value must not refuse a status update.
 */
public class AppliedRevision {
  @JsonPropertyDescription("Revision of the spec that runs (see status.revision).")
  private String revision;

  @JsonPropertyDescription(
      "The spec that runs; differs from spec while a newer revision waits for its promotion gate.")
  @PreserveUnknownFields
  private JsonNode spec;

  @JsonPropertyDescription("When this revision was first applied here.")
  private String appliedAt;

  @JsonPropertyDescription(
      "What the promotion gate saw when it let this revision in; unset: no gate was declared.")
  private String gate;

  @JsonPropertyDescription("Since when this revision has been Ready without a break; unset: not.")
  private String readySince;

  @JsonPropertyDescription(
      "End offset of each topic partition (key topic/partition) at the first check since"
          + " readySince: the events that were in the topics when this revision became Ready.")
  private Map<String, Long> readyOffsets;

  @JsonPropertyDescription(
      "First check at which the sink-worker had committed every partition up to readyOffsets (or"
          + " the lag was 0): when this revision caught up with what it found at readySince.")
  private String caughtUpAt;

  @JsonPropertyDescription(
      "Highest total lag seen at a check since caughtUpAt (that one included).")
  private Long maxLag;

  @JsonPropertyDescription("Dead-letter topic records at readySince; see status.deadLetters.")
  private Long deadLettersAtReady;

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public JsonNode getSpec() {
    return spec;
  }

  public void setSpec(JsonNode spec) {
    this.spec = spec;
  }

  public String getAppliedAt() {
    return appliedAt;
  }

  public void setAppliedAt(String appliedAt) {
    this.appliedAt = appliedAt;
  }

  public String getGate() {
    return gate;
  }

  public void setGate(String gate) {
    this.gate = gate;
  }

  public String getReadySince() {
    return readySince;
  }

  public void setReadySince(String readySince) {
    this.readySince = readySince;
  }

  public Map<String, Long> getReadyOffsets() {
    return readyOffsets;
  }

  public void setReadyOffsets(Map<String, Long> readyOffsets) {
    this.readyOffsets = readyOffsets;
  }

  public String getCaughtUpAt() {
    return caughtUpAt;
  }

  public void setCaughtUpAt(String caughtUpAt) {
    this.caughtUpAt = caughtUpAt;
  }

  public Long getMaxLag() {
    return maxLag;
  }

  public void setMaxLag(Long maxLag) {
    this.maxLag = maxLag;
  }

  public Long getDeadLettersAtReady() {
    return deadLettersAtReady;
  }

  public void setDeadLettersAtReady(Long deadLettersAtReady) {
    this.deadLettersAtReady = deadLettersAtReady;
  }
}
