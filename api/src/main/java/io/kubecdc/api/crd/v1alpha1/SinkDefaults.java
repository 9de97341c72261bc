package io.kubecdc.api.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** The sink-worker image and default size in an environment. */
public class SinkDefaults {
  @JsonPropertyDescription("Worker image; unset: the image the operator was installed with.")
  private String image;

  @JsonPropertyDescription("imagePullPolicy of the worker: Always, IfNotPresent or Never.")
  @Default("IfNotPresent")
  @io.fabric8.generator.annotation.Pattern("^(Always|IfNotPresent|Never)$")
  private String imagePullPolicy = "IfNotPresent";

  @JsonPropertyDescription(
      "Default CPU and memory of a worker; a pipeline's spec.sink.resources wins.")
  private ResourceRequirements resources;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getImagePullPolicy() {
    return imagePullPolicy;
  }

  public void setImagePullPolicy(String imagePullPolicy) {
    this.imagePullPolicy = imagePullPolicy;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }
}
