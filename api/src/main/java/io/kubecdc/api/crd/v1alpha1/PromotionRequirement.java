package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * One namespace where the same revision of the pipeline (same name) must have run well: Ready and
 * caught up for {@code readyFor}, its lag never above {@code maxLag} since it caught up, and at
 * most {@code deadLetters} records dead-lettered since it became Ready.
 */
public class PromotionRequirement {
  @JsonPropertyDescription(
      "Namespace of the upstream environment, e.g. staging; the operator must watch it.")
  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
  private String namespace;

  @JsonPropertyDescription(
      "How long the revision must have been Ready and caught up there, e.g. 30m (ms, s, m, h).")
  @Default("30m")
  @Pattern("^[1-9][0-9]*(ms|s|m|h)$")
  private String readyFor = "30m";

  @JsonPropertyDescription(
      "Highest total lag (records) allowed there at any check since the revision caught up.")
  @Default("1000")
  @Min(0)
  private long maxLag = 1000;

  @JsonPropertyDescription(
      "Dead-lettered records allowed there since the revision became Ready; 0: none.")
  @Default("0")
  @Min(0)
  private long deadLetters = 0;

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getReadyFor() {
    return readyFor;
  }

  public void setReadyFor(String readyFor) {
    this.readyFor = readyFor;
  }

  public long getMaxLag() {
    return maxLag;
  }

  public void setMaxLag(long maxLag) {
    this.maxLag = maxLag;
  }

  public long getDeadLetters() {
    return deadLetters;
  }

  public void setDeadLetters(long deadLetters) {
    this.deadLetters = deadLetters;
  }
}
