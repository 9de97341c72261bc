package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pipeline's revision must have proven elsewhere before the operator applies it in this
 * environment. The gate lives in the target environment, not in the pipeline, so that the pipeline
 * manifest stays the same in every namespace and only prod says how careful prod is.
 */
public class PromotionPolicy {
  @JsonPropertyDescription(
      "Each entry must hold for the pipeline's new revision before it is applied here; empty:"
          + " every revision is applied at once.")
  private List<PromotionRequirement> requires = new ArrayList<>();

  public List<PromotionRequirement> getRequires() {
    return requires;
  }

  public void setRequires(List<PromotionRequirement> requires) {
    this.requires = requires;
  }
}
