package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** The generation of the pipeline's derived state. */
public class Checkpoint {
  @JsonPropertyDescription(
      "Generation number: names the consumer group (kubecdc.<namespace>.<pipeline>.v<version>),"
          + " the tables (<table>_v<version>; version 1: <table>) and the worker. Raise it to"
          + " rebuild beside the live generation; lowering is rejected.")
  @Default("1")
  @Min(1)
  @ValidationRule(
      value = "self >= oldSelf",
      message = "checkpoint.version can only be raised: lowering it would reuse retired state",
      reason = "FieldValueForbidden")
  private int version = 1;

  @JsonPropertyDescription(
      "When a raised version's generation switches in, and what happens to the one it replaces.")
  @Default("{}")
  private CutoverSettings cutover = new CutoverSettings();

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }

  public CutoverSettings getCutover() {
    return cutover;
  }

  public void setCutover(CutoverSettings cutover) {
    this.cutover = cutover;
  }
}
